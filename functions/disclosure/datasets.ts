// The open datasets (DESIGN.md: 智能化): what each holds, its CSV columns and JSON shape. The API
// streams them; /open-data lists them with their fields.
import type { CsvColumn } from '../http/csv';
import type { Db } from '../db/client';
import { approvedRepairs, publicPenalties, publicRecordsSnapshot, publishedSamplingResults, sgsPenalties } from '../db/queries/open-data';
import type { SgsPenalty } from '../db/queries/open-data';
import { allWageArrears } from '../db/queries/wage-arrears';
import { allMajorViolations } from '../db/queries/major-violations';
import {
  majorViolationColumns,
  penaltyColumns,
  repairColumns,
  samplingResultColumns,
  sgsPenaltyColumns,
  snapshotRecordColumns,
  wageArrearsColumns,
  type Bureau,
} from './csv-columns';

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
  'wage-arrears': dataset({
    title: '拖欠农民工工资失信联合惩戒对象名单',
    rows: (db, today) => allWageArrears(db, { district: null, year: null }, today),
    columns: wageArrearsColumns,
    json: (entry) => entry,
  }),
  'major-violations': dataset({
    title: '重大劳动保障违法行为社会公布',
    rows: (db, today) => allMajorViolations(db, { year: null, quarter: null }, today),
    columns: majorViolationColumns,
    json: (entry) => entry,
  }),
  records: dataset({
    title: '公示中的信用记录',
    rows: publicRecordsSnapshot,
    columns: snapshotRecordColumns,
    json: ({ id: _id, ...item }) => item,
  }),
};

export type OpenDatasetName = keyof typeof openDatasets;

/**
 * `GET /api/v1/open-data/penalties?format=sgs`: the penalty decisions in the national 双公示 fields
 * (DOMAIN.md §12), as CSV or as JSON objects keyed by the same field names.
 */
export function sgsPenaltyDataset(bureau: Bureau): Dataset<SgsPenalty> {
  const columns = sgsPenaltyColumns(bureau);
  return {
    title: '行政处罚决定（双公示）',
    rows: sgsPenalties,
    columns,
    json: (row) => Object.fromEntries(columns.map((c) => [c.header, c.value(row) ?? null])),
  };
}
