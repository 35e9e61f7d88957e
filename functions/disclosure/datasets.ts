// The open datasets (DESIGN.md: 智能化): what each holds, its CSV columns and JSON shape. The API
// streams them; /open-data lists them with their fields.
import type { CsvColumn } from '../http/csv';
import type { Db } from '../db/client';
import { approvedRepairs, publicPenalties, publishedSamplingResults } from '../db/queries/open-data';
import { penaltyColumns, repairColumns, samplingResultColumns } from './csv-columns';

export const OPEN_DATA_LICENCE =
  '本数据依法公开，可自由复制、传播和再利用，使用时请注明来源“人力资源和社会保障局人社监管公示与信用查询”，不得歪曲原意。';

export interface Dataset<T> {
  title: string;
  rows: (db: Db, today: string) => AsyncIterable<T>;
  columns: CsvColumn<T>[];
  json: (row: T) => unknown;
}

const dataset = <T>(d: Dataset<T>) => d;

export const openDatasets = {
  'sampling-results': dataset({
    title: '双随机抽查结果',
    rows: publishedSamplingResults,
    columns: samplingResultColumns,
    json: ({ id: _id, ...result }) => result,
  }),
  penalties: dataset({
    title: '行政处罚决定',
    rows: publicPenalties,
    columns: penaltyColumns,
    json: (penalty) => penalty,
  }),
  repairs: dataset({
    title: '信用修复结果',
    rows: (db) => approvedRepairs(db),
    columns: repairColumns,
    json: ({ id: _id, ...repair }) => repair,
  }),
};

export type OpenDatasetName = keyof typeof openDatasets;
