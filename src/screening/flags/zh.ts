// Chinese red-flag patterns (written without spaces: no word edges). Pay norm: China's National
// Bureau of Statistics puts migrant workers' average pay at CNY 4,780 a month (2023), about USD 660.
import type { LanguagePatterns } from './catalogue.ts';

const APPS = '(?:微信|VX|V信|薇信|威信|飞机|纸飞机|TG|电报|WhatsApp|Telegram|LINE|Skype|QQ|蝙蝠)';
const LANGS = '(?:英语|英文|泰语|越南语|印尼语|日语|韩语|粤语|马来语|西班牙语|葡萄牙语)';

export const zh: LanguagePatterns = {
  language: 'zh',
  boundary: 'none',
  flags: {
    high_pay: {
      patterns: [
        '高薪|高收入|高工资|高待遇|高回报|高提成',
        '月入(?:过万|上万|[一二三四五六七八九十几数]+万)',
        '轻松(?:月入|赚钱|过万)|日赚|躺赚|暴富|收入可观',
      ],
    },
    risky_destination: {
      patterns: [
        '柬埔寨|金边|西港|西哈努克(?:港|城|省)?|波贝|巴域|木牌',
        '缅甸|缅北|妙瓦底|妙瓦迪|KK园区|亚太新城|水沟谷|大其力|果敢',
        '金三角|老挝|磨丁|博乔',
        '湄索|泰缅边境',
        '菲律宾|马尼拉|邦板牙',
        '迪拜',
      ],
    },
    messaging_only: {
      patterns: [
        String.raw`(?:加|联系|添加|私聊|咨询|详聊|私信)(?:我|我们|人事|HR|客服|主管)?的?\s*${APPS}(?:\s*[:：]?\s*@?[\w+-]{3,30})?`,
        String.raw`${APPS}(?:号)?\s*[:：]\s*@?[\w+-]{3,30}`,
        `(?:仅|只)(?:限)?(?:通过)?${APPS}(?:联系)?`,
        // "飞机联系 @hr", "微信咨询": the app named first, then the verb.
        String.raw`${APPS}号?\s*(?:联系|联络|咨询|私聊|详聊)(?:\s*[:：]?\s*@?[\w+-]{3,30})?`,
      ],
    },
    scam_role: {
      patterns: [
        '客服(?!经验)',
        '打字员|录入员|数据录入',
        '网络推广|网推|网络营销|推广员',
        '在线聊天|聊天员|陪聊',
        '游戏(?:推广|代理|客服|陪玩)|博彩|菠菜|电竞',
        '币圈|虚拟币|加密货币|USDT',
        '电销|话务员',
      ],
    },
    no_experience: {
      patterns: [
        '无需经验|无经验(?:可|也可|亦可)|零经验|经验不限|不需要经验|没有经验也可以?',
        '小白(?:可做|也可|可以|亦可)',
        '无学历要求|学历不限|包教包会|有手就行|会打字就行|会打字即可',
      ],
    },
    costs_paid: {
      patterns: [
        '包吃包住|包吃住|包食宿|包住宿|包机票|包路费',
        '(?:机票|路费|签证)(?:公司)?(?:全)?(?:包|报销|免费|公司出)',
        '免费(?:食宿|住宿|机票|签证)',
        '公司(?:承担|负责|报销)(?:往返)?(?:机票|签证|路费|所有费用)',
      ],
      negatable: true,
    },
    urgency: {
      patterns: [
        '急招|急聘|急需|紧急招聘|火急',
        '(?:立即|即刻|随时|马上)(?:出发|出国|上岗|到岗|入职)',
        String.raw`名额有限|仅剩\d+个?名额|(?:只|仅)招\d+人|先到先得|机会难得|错过(?:不再|再无)|速来`,
      ],
      supporting: ['尽快', '立即', '马上'],
    },
    tourist_visa: {
      patterns: ['旅游签(?:证)?|旅签|落地签|商务签|免签(?:入境|过去|出境)'],
      negatable: true,
    },
    age_limit: {
      patterns: [
        String.raw`(?:年龄|年纪)\s*[:：]?\s*\d{2}\s*(?:-|–|~|至|到)\s*\d{2}(?:周?岁)?`,
        String.raw`\d{2}\s*(?:-|–|~|至|到)\s*\d{2}\s*周?岁`,
        String.raw`\d{2}周?岁以下|不超过\d{2}周?岁|年龄(?:不超过|限)\s*\d{2}`,
      ],
    },
    language_typing: {
      patterns: [
        '打字(?:速度|快|熟练)',
        String.raw`(?:每分钟|一分钟)\s*\d{2,3}\s*个?字?|\d{2,3}\s*字\s*/\s*分钟?`,
        `会(?:说|讲)?${LANGS}`,
        `${LANGS}(?:流利|熟练|优先|良好|口语)`,
        `(?:流利|熟练)的?${LANGS}`,
      ],
    },
    documents_or_fees: {
      patterns: [
        '(?:提供|上交|发送|拍照|发)(?:护照|身份证|证件)(?:照片|复印件|正反面)?',
        '(?:护照|身份证|证件)(?:复印件|照片|扫描件|正反面)',
        '银行卡(?:号|信息)',
        '(?:报名|中介|手续|培训|服装|体检|介绍|办证|服务)费',
        '(?:交|缴纳|支付|先付|预付)(?:押金|保证金|费用)',
        '押金|保证金',
      ],
      negatable: true,
    },
    vague_company: {
      patterns: [
        '知名(?:公司|企业|集团|平台)',
        '大型(?:公司|企业|集团|平台)',
        '(?:正规|国际|上市|实力)(?:公司|集团|平台)',
        '某(?:公司|集团|企业)|公司名称保密',
      ],
    },
  },
  negations: ['不', '无', '免', '没有', '零', '拒绝', '非'],
  pay: {
    currencies: [
      [String.raw`USDT|美金|美元|USD|U|\$|刀`, 'USD'],
      ['人民币|元|块|RMB|CNY|¥|￥', 'CNY'],
      ['泰铢', 'THB'],
      ['比索', 'PHP'],
    ],
    multipliers: [
      ['万|w', 1e4],
      ['千|k', 1e3],
    ],
    periods: [
      [String.raw`/\s*(?:小时|时)|每小时`, 'hour'],
      [String.raw`/\s*(?:天|日)|每天|一天|日结`, 'day'],
      [String.raw`/\s*周|每周`, 'week'],
      [String.raw`/\s*月|每月|一个月|每个月`, 'month'],
      [String.raw`/\s*年|每年`, 'year'],
    ],
    payWords: [
      ['月薪|月入|月收入|底薪|保底', 'month'],
      ['年薪', 'year'],
      ['日薪|日结', 'day'],
      ['时薪', 'hour'],
      ['薪资|薪水|工资|待遇|收入', null],
    ],
    defaultCurrency: 'CNY',
    thousands: ',',
  },
  companyNames: [
    String.raw`[\u4E00-\u9FFFA-Za-z]{2,20}(?:股份有限公司|有限责任公司|有限公司)`,
    String.raw`统一社会信用代码\s*[:：]?\s*[0-9A-Z]{18}`,
  ],
  skilled: [String.raw`\d+年以上.{0,6}经验|本科|硕士|大专以上|工程师|经理|主管|总监|资格证`],
  unskilledMonthlyUsd: 660,
};
