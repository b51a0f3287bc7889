// Strings of the Reminders (回购提醒) and Products (商品角色) views, and of their error codes.
export default {
  'zh-CN': {
    err_E_CONSUMPTION_COLUMNS: '消耗表缺少商品列或每件天数列',
    err_E_CONSUMPTION_ROW: '消耗表的这一行缺少商品或天数',
    err_E_CONSUMPTION_DAYS: '消耗表的每件天数不是正数',
    err_E_CONSUMPTION_DUPLICATE: '消耗表中同一商品出现两次且天数不同',
  },
  en: {
    err_E_CONSUMPTION_COLUMNS: 'The consumption table has no product or no days-per-unit column',
    err_E_CONSUMPTION_ROW: 'A row of the consumption table lacks its product or its days',
    err_E_CONSUMPTION_DAYS: 'A days-per-unit value in the consumption table is not a positive number',
    err_E_CONSUMPTION_DUPLICATE: 'A product is twice in the consumption table with different days',
  },
};
