// Writes web/demo/demo_orders.csv: a made-up but realistic Taobao/Tmall order export
// (a tea and snacks shop, two years, Chinese headers, UTF-8 with BOM as 千牛 exports it).
// Deterministic: the same file every run. Every name, phone and address is invented.
// Usage: node tools/gen_demo_orders.mjs [OUT]
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, process.argv[2] || 'web/demo/demo_orders.csv');

// mulberry32: small, seedable, good enough for demo data.
let seed = 20240618;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(rand() * list.length)];
const between = (a, b) => a + rand() * (b - a);
// Exponential gap with the given mean, for purchase cycles.
const expGap = (mean) => -Math.log(1 - rand()) * mean;

const START = Date.UTC(2023, 6, 1); // 2023-07-01
const END = Date.UTC(2025, 5, 30, 23, 59); // 2025-06-30
const DAY = 86400000;

const products = [
  ['明前西湖龙井 特级 250g 礼盒装', 268],
  ['云南普洱熟茶饼 357g 2018年勐海', 158],
  ['福鼎白茶 寿眉 老白茶 300g', 129],
  ['武夷山大红袍 岩茶 浓香型 200g', 188],
  ['安溪铁观音 清香型 新茶 500g', 96],
  ['正山小种红茶 罐装 150g', 79],
  ['茉莉花茶 飘雪 250g 袋装', 45],
  ['每日坚果 混合果仁 30袋/盒', 99],
  ['手工芝麻牛轧糖 500g', 39.9],
  ['桂花乌龙 冷泡茶 三角包 20包', 29.9],
  ['陈皮白茶 小青柑 10颗', 59],
  ['便携旅行茶具套装 一壶四杯', 139],
  ['高山云雾绿茶 口粮茶 500g', 68],
  ['金骏眉 红茶 蜜香 100g', 218],
  ['黑糖话梅 独立小包 300g', 25.8],
];
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉婷雪琳晨欣怡子涵梓轩浩宇一诺雨桐思远嘉怡佳琪'.split('');
const nickWords = ['小鱼儿', '喝茶的猫', '晴天', '阿木', '安静的风', '橘子汽水', '茶小白', '大白兔', '山间明月', '等风来', '南风知我意', '米粒', '慢慢走', '柠檬树', '清欢', '一叶知秋', '糖果屋', '梧桐', '九月', '海盐芝士'];
const cities = [
  ['浙江省', '杭州市', '西湖区'], ['上海', '上海市', '浦东新区'], ['北京', '北京市', '朝阳区'],
  ['广东省', '深圳市', '南山区'], ['广东省', '广州市', '天河区'], ['江苏省', '南京市', '鼓楼区'],
  ['江苏省', '苏州市', '工业园区'], ['四川省', '成都市', '武侯区'], ['湖北省', '武汉市', '洪山区'],
  ['福建省', '厦门市', '思明区'], ['山东省', '青岛市', '市南区'], ['陕西省', '西安市', '雁塔区'],
  ['湖南省', '长沙市', '岳麓区'], ['天津', '天津市', '南开区'], ['重庆', '重庆市', '渝北区'],
];
const notes = ['', '', '', '', '', '请尽快发货', '送人的,不要放发票', '麻烦包装好一点', '周末送货', '老顾客了,多送点小样'];

function nickname(i) {
  const style = rand();
  if (style < 0.35) return 'tb' + String(Math.floor(rand() * 1e9)).padStart(9, '0');
  if (style < 0.75) return pick(nickWords) + String(1000 + Math.floor(rand() * 9000));
  return pick(surnames) + pick(given) + pick(given) + '_' + (i % 97);
}
const phone = () => '1' + pick(['38', '39', '58', '59', '86', '87', '35', '77']) + '****' + String(Math.floor(rand() * 10000)).padStart(4, '0');
const money = (x) => x.toFixed(2);
const two = (n) => String(n).padStart(2, '0');
function stamp(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}
// Busy days: 618, 双11, 双12 and the new-year festival pull orders forward.
function nudgeToPromotion(ms) {
  const d = new Date(ms);
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  if (rand() < 0.5 && ((m === 11 && day >= 1 && day <= 14) || (m === 6 && day >= 10 && day <= 20) || (m === 12 && day >= 8 && day <= 14))) {
    const target = m === 11 ? 11 : m === 6 ? 18 : 12;
    return Date.UTC(d.getUTCFullYear(), m - 1, target, Math.floor(rand() * 24), Math.floor(rand() * 60), Math.floor(rand() * 60));
  }
  return ms;
}

const header = ['订单编号', '买家会员名', '买家应付货款', '买家应付邮费', '总金额', '买家实际支付金额', '订单状态', '买家留言',
  '收货人姓名', '收货地址 ', '联系手机', '订单创建时间', '订单付款时间 ', '宝贝标题', '宝贝总数量', '退款金额', '店铺名称'];

const orders = [];
const customers = 1400;
for (let c = 0; c < customers; c++) {
  const nick = nickname(c);
  const name = pick(surnames) + pick(given) + (rand() < 0.5 ? pick(given) : '');
  const [prov, city, dist] = pick(cities);
  const address = `${prov} ${city} ${dist} ${pick(['文三路', '人民路', '中山路', '解放路', '建设路', '科技园路'])}${1 + Math.floor(rand() * 300)}号`;
  const mobile = phone();
  // Personas: most buy once; loyal tea drinkers reorder every few weeks; some drift away.
  const persona = rand();
  let cycle;
  let orderCount;
  if (persona < 0.52) [cycle, orderCount] = [0, 1];
  else if (persona < 0.77) [cycle, orderCount] = [between(60, 180), 2 + Math.floor(rand() * 2)];
  else if (persona < 0.93) [cycle, orderCount] = [between(25, 70), 3 + Math.floor(rand() * 6)];
  else [cycle, orderCount] = [between(12, 35), 6 + Math.floor(rand() * 14)];
  const favourite = pick(products);
  const big = rand() < 0.12; // a gift buyer: bigger baskets
  let t = START + rand() * (END - START) * (orderCount > 1 ? 0.75 : 1);
  for (let k = 0; k < orderCount && t < END; k++) {
    const when = nudgeToPromotion(t);
    const [title, price] = rand() < 0.6 ? favourite : pick(products);
    const qty = big ? 2 + Math.floor(rand() * 5) : rand() < 0.8 ? 1 : 2;
    const goods = price * qty;
    const postage = goods >= 88 ? 0 : 8;
    const discount = rand() < 0.35 ? Math.min(goods * 0.15, pick([5, 10, 20, 30])) : 0;
    const total = goods + postage;
    const paid = Math.round((total - discount) * 100) / 100;
    const r = rand();
    const status = r < 0.05 ? '交易关闭' : r < 0.075 ? '退款成功' : r < 0.085 ? '卖家已发货，等待买家确认' : '交易成功';
    const closed = status === '交易关闭';
    orders.push({
      when,
      row: [
        null, nick, money(goods), money(postage), money(total), money(closed ? 0 : paid), status, pick(notes),
        name, address, mobile, stamp(when), closed ? '' : stamp(when + 30000 + rand() * 600000), title, String(qty),
        money(status === '退款成功' ? paid : 0), '山野茶舍旗舰店',
      ],
    });
    t = when + Math.max(1, expGap(cycle)) * DAY;
    // Some repeat customers simply stop: churn.
    if (k > 0 && rand() < 0.12) break;
  }
}
orders.sort((a, b) => b.when - a.when); // exports list the newest first
let id = 3100000000000000000n;
for (const o of [...orders].reverse()) {
  id += BigInt(1 + Math.floor(rand() * 900000000000));
  o.row[0] = String(id);
}

const cell = (v) => (/[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v);
const lines = [header, ...orders.map((o) => o.row)].map((r) => r.map(cell).join(','));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, '\uFEFF' + lines.join('\r\n') + '\r\n');
console.log(`wrote ${out}: ${orders.length} orders, ${customers} customers`);
