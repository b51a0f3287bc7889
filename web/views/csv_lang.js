// The exports' header language follows the page's: zh-CN headers (客户, 手机, 邮箱 …) when the
// page is in Chinese, the stable English keys otherwise (engine option csv_lang).
import { lang } from '../i18n/index.js';

/** @returns {'zh' | 'en'} */
export const csvLang = () => (lang() === 'zh-CN' ? 'zh' : 'en');
