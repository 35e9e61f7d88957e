// Word lists for realistic Beijing employers and people. Names are built from these by index,
// so the lists must stay free of duplicates, and no industry word may equal another one minus
// its first character (北京+华信+科技 must never equal 北京+华信科+技…): that keeps every
// (字号, 行业) pair spelling a different name.

/** Characters common in 字号; none of 北 京 市 区 第, which the name patterns use as markers. */
export const TRADE_NAME_CHARACTERS = Array.from(
  '华信达通泰恒源鑫宏盛博嘉瑞祥丰德安康力科创新远航星辰海天中和美佳汇金银龙腾飞融诚兴隆昌瀚宇凯阳光明晨峰晟卓越优联合众亿万千百' +
    '方圆正大长久永福禄富荣旺启智慧云锦绣润泽清致鼎立森林雅韵仁义礼宁静思志成弘毅同舟顺祺乐悦欣鸿运易盈利旋夏东西南蓝青红紫翔鹏' +
    '骏驰驿途君尚品若水轩逸朗尧舜禹泓涛宸熙睿哲铭铸岳岩磊晶钰琪璟瑾璞琳珂菁蔚霖露霏雯翰墨书香坤乾元亨沃泉川山峻烨煜灿炜',
);

export interface IndustryWord {
  /** The 行业 part of a company name. */
  word: string;
  /** 国民经济行业分类 (GB/T 4754-2017) 大类 the word usually stands for. */
  industry: string;
}

export const CONSTRUCTION_INDUSTRIES = ['房屋建筑业', '土木工程建筑业', '建筑装饰、装修和其他建筑业'] as const;

export const INDUSTRY_WORDS: readonly IndustryWord[] = [
  { word: '科技', industry: '软件和信息技术服务业' },
  { word: '网络科技', industry: '互联网和相关服务' },
  { word: '信息技术', industry: '软件和信息技术服务业' },
  { word: '软件', industry: '软件和信息技术服务业' },
  { word: '电子科技', industry: '计算机、通信和其他电子设备制造业' },
  { word: '生物科技', industry: '研究和试验发展' },
  { word: '医药', industry: '医药制造业' },
  { word: '医疗器械', industry: '专用设备制造业' },
  { word: '环保科技', industry: '生态保护和环境治理业' },
  { word: '新能源科技', industry: '科技推广和应用服务业' },
  { word: '技术服务', industry: '科技推广和应用服务业' },
  { word: '工程设计', industry: '专业技术服务业' },
  { word: '建筑劳务', industry: '房屋建筑业' },
  { word: '建筑工程', industry: '房屋建筑业' },
  { word: '市政工程', industry: '土木工程建筑业' },
  { word: '园林绿化', industry: '土木工程建筑业' },
  { word: '装饰工程', industry: '建筑装饰、装修和其他建筑业' },
  { word: '餐饮管理', industry: '餐饮业' },
  { word: '餐饮服务', industry: '餐饮业' },
  { word: '酒店管理', industry: '住宿业' },
  { word: '物业管理', industry: '房地产业' },
  { word: '房地产经纪', industry: '房地产业' },
  { word: '商贸', industry: '批发业' },
  { word: '贸易', industry: '批发业' },
  { word: '电子商务', industry: '零售业' },
  { word: '物流', industry: '道路运输业' },
  { word: '供应链管理', industry: '商务服务业' },
  { word: '快递服务', industry: '邮政业' },
  { word: '汽车服务', industry: '机动车、电子产品和日用产品修理业' },
  { word: '汽车租赁', industry: '租赁业' },
  { word: '家政服务', industry: '居民服务业' },
  { word: '保洁服务', industry: '其他服务业' },
  { word: '美容美发', industry: '居民服务业' },
  { word: '人力资源', industry: '商务服务业' },
  { word: '劳务派遣', industry: '商务服务业' },
  { word: '管理咨询', industry: '商务服务业' },
  { word: '企业管理', industry: '商务服务业' },
  { word: '文化传媒', industry: '商务服务业' },
  { word: '文化发展', industry: '文化艺术业' },
  { word: '广告', industry: '商务服务业' },
  { word: '教育咨询', industry: '教育' },
  { word: '体育文化', industry: '体育' },
  { word: '保安服务', industry: '商务服务业' },
  { word: '机械制造', industry: '通用设备制造业' },
  { word: '机电设备', industry: '专用设备制造业' },
  { word: '食品', industry: '食品制造业' },
  { word: '服装', industry: '纺织服装、服饰业' },
  { word: '印刷', industry: '印刷和记录媒介复制业' },
  { word: '家具', industry: '家具制造业' },
  { word: '养老服务', industry: '社会工作' },
];

/** 个体工商户 trades: 北京市朝阳区华信餐馆. Disjoint from the non-profit suffixes below. */
export const SHOP_WORDS: readonly IndustryWord[] = [
  { word: '餐馆', industry: '餐饮业' },
  { word: '小吃店', industry: '餐饮业' },
  { word: '面馆', industry: '餐饮业' },
  { word: '便利店', industry: '零售业' },
  { word: '超市', industry: '零售业' },
  { word: '五金店', industry: '零售业' },
  { word: '水果店', industry: '零售业' },
  { word: '烟酒商店', industry: '零售业' },
  { word: '建材经营部', industry: '批发业' },
  { word: '理发店', industry: '居民服务业' },
  { word: '洗衣店', industry: '居民服务业' },
  { word: '汽车修理部', industry: '机动车、电子产品和日用产品修理业' },
  { word: '家电维修部', industry: '机动车、电子产品和日用产品修理业' },
  { word: '装饰材料经营部', industry: '批发业' },
  { word: '快餐店', industry: '餐饮业' },
];

/** 民办非企业单位 (社会服务机构): 北京市海淀区华信职业技能培训学校. */
export const NON_PROFIT_WORDS: readonly IndustryWord[] = [
  { word: '职业技能培训学校', industry: '教育' },
  { word: '艺术培训学校', industry: '教育' },
  { word: '幼儿园', industry: '教育' },
  { word: '养老服务中心', industry: '社会工作' },
  { word: '社会工作服务中心', industry: '社会工作' },
  { word: '康复中心', industry: '卫生' },
];

/** 事业单位 by kind and ordinal: 北京市丰台区第十二中学. */
export const PUBLIC_INSTITUTION_WORDS: readonly IndustryWord[] = [
  { word: '中学', industry: '教育' },
  { word: '小学', industry: '教育' },
  { word: '幼儿园', industry: '教育' },
  { word: '职业学校', industry: '教育' },
  { word: '社会福利院', industry: '社会工作' },
];

const DIGITS = '〇一二三四五六七八九';

/** 1 → 第一, 12 → 第十二, 40 → 第四十 (1–99). */
export function chineseOrdinal(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return `第${tensPart}${ones === 0 ? '' : DIGITS[ones]}`;
}

export const SURNAMES = Array.from(
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文',
);
export const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '慕容'] as const;

export const GIVEN_NAME_CHARACTERS = Array.from(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英建国华志海燕红梅玉兰秀云鹏飞宇浩然子轩欣怡雨萱佳琪梓涵博文俊凯思远晓东春生秋菊冬庆' +
    '立新德胜永淑珍凤金丹婷颖琳雪倩蕾宁斌彬辉亮健波鑫晨阳',
);

/** Pinyin of some surnames, for applicants' e-mail addresses (zhang.li@example.com). */
export const SURNAME_PINYIN: readonly (readonly [string, string])[] = [
  ['张', 'zhang'],
  ['王', 'wang'],
  ['李', 'li'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['赵', 'zhao'],
  ['孙', 'sun'],
  ['周', 'zhou'],
];

/** Real streets of each district (GB/T 2260 code), for 住所. */
export const STREETS: Record<string, readonly string[]> = {
  '110101': ['东直门南大街', '王府井大街', '崇文门外大街', '东四十条', '和平里东街', '安定门外大街', '朝阳门北大街'],
  '110102': ['金融大街', '西直门外大街', '复兴门内大街', '德胜门外大街', '广安门内大街', '月坛北街', '宣武门外大街'],
  '110105': ['建国路', '朝阳北路', '东三环中路', '酒仙桥路', '望京街', '北苑路', '广渠路', '十里堡路', '百子湾路', '来广营西路'],
  '110106': ['丰台北路', '南四环西路', '富丰路', '马家堡东路', '丽泽路', '科学城海鹰路', '看丹路'],
  '110107': ['石景山路', '鲁谷路', '八大处路', '实兴大街', '古城大街', '阜石路'],
  '110108': ['中关村大街', '学院路', '知春路', '北四环西路', '上地信息路', '西三环北路', '万泉河路', '永丰路', '北清路'],
  '110109': ['新桥大街', '石龙南路', '滨河路', '双峪路', '黑山大街'],
  '110111': ['拱辰大街', '长虹西路', '苏庄大街', '良乡政通路', '阎村大街'],
  '110112': ['新华西街', '九棵树东路', '运河东大街', '梨园北街', '玉桥西路', '通胡大街'],
  '110113': ['府前中街', '天竺路', '裕民大街', '后沙峪安华街', '顺平路'],
  '110114': ['回龙观西大街', '超前路', '政府街', '北清路', '立汤路', '天通苑北街'],
  '110115': ['兴华大街', '荣华中路', '金星西路', '西红门路', '黄村西大街', '经海路'],
  '110116': ['青春路', '府前街', '雁栖大街', '迎宾中路', '开放路'],
  '110117': ['府前街', '新平北路', '林荫北街', '平谷大街'],
  '110118': ['鼓楼东大街', '新中街', '滨河路', '檀营路'],
  '110119': ['妫水北街', '东外大街', '高塔街', '湖南东路'],
};

/** The abbreviation in decision numbers: 京朝人社监罚字〔2026〕第123号. */
export const DISTRICT_ABBREVIATIONS: Record<string, string> = {
  '110101': '东',
  '110102': '西',
  '110105': '朝',
  '110106': '丰',
  '110107': '石',
  '110108': '海',
  '110109': '门',
  '110111': '房',
  '110112': '通',
  '110113': '顺',
  '110114': '昌',
  '110115': '兴',
  '110116': '怀',
  '110117': '平',
  '110118': '密',
  '110119': '延',
};

/** Roughly the districts' share of Beijing's employers: 朝阳 and 海淀 lead, the outer districts trail. */
export const DISTRICT_WEIGHTS: readonly (readonly [string, number])[] = [
  ['110101', 5],
  ['110102', 6],
  ['110105', 20],
  ['110106', 9],
  ['110107', 3],
  ['110108', 18],
  ['110109', 1.5],
  ['110111', 3],
  ['110112', 7],
  ['110113', 6],
  ['110114', 8],
  ['110115', 7],
  ['110116', 1.5],
  ['110117', 1],
  ['110118', 1.5],
  ['110119', 1],
];

/** Area codes for fake resident ID numbers: Beijing and the provinces many workers come from. */
export const ID_AREA_CODES = [
  '110105',
  '110108',
  '130102',
  '130682',
  '410102',
  '410523',
  '370102',
  '340102',
  '510104',
  '420102',
  '230102',
  '150102',
];
