// Every error code has an explanation (hint_<CODE>) besides its title, in both languages,
// and in zh-CN the engine's English message appears only on the marked details line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CODES } from '../../web/protocol/error_codes.js';
import { strings, setLang } from '../../web/i18n/index.js';
import { explain } from '../../web/app/errors.js';

// E_CANCELLED is never shown as a failure: the page goes back to where it was.
const SHOWN = ERROR_CODES.filter((code) => code !== 'E_CANCELLED');
const HAN = /[\u4e00-\u9fff]/;

test('every shown error code has a non-empty explanation in zh-CN and English', () => {
  const missing = [];
  for (const code of SHOWN) {
    const zh = strings['zh-CN']['hint_' + code];
    const en = strings.en['hint_' + code];
    if (!zh || !HAN.test(zh)) missing.push(code + ' zh-CN');
    if (!en || HAN.test(en)) missing.push(code + ' en');
  }
  assert.deepEqual(missing, []);
});

test('zh-CN: a UTF-16 file is explained in Chinese, the English message only as marked details', () => {
  setLang('zh-CN');
  const message = 'the file is UTF-16 (byte order mark FF FE); save it as UTF-8';
  const shown = explain({ code: 'E_UTF16_FILE', message, line: 0 });
  assert.ok(HAN.test(shown.title) && HAN.test(shown.body), JSON.stringify(shown));
  assert.ok(!shown.title.includes(message) && !shown.body.includes(message));
  assert.match(shown.body, /另存为/);
  assert.ok(shown.details.startsWith('技术细节'), shown.details); // marked as secondary
  assert.ok(shown.details.includes(message) && shown.details.includes('E_UTF16_FILE'));
  assert.equal(shown.line, '');
});

test('zh-CN: a bad option is named in the Chinese text, the line number localised', () => {
  setLang('zh-CN');
  const shown = explain({ code: 'E_BAD_OPTION', message: 'churn_window_days must be a whole number from 1 to 36500', line: 0 });
  assert.match(shown.body, /设置项 churn_window_days 的值不被接受/);
  const quote = explain({ code: 'E_UNTERMINATED_QUOTE', message: 'quoted field never closed', line: 17 });
  assert.equal(quote.line, '第 17 行');
  setLang('en');
  assert.equal(explain({ code: 'E_UNTERMINATED_QUOTE', message: 'quoted field never closed', line: 17 }).line, 'line 17');
  setLang('zh-CN');
});
