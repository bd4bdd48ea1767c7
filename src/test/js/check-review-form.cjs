// Renders forms/review-postpay-permission.form with the form-js version of Camunda 7.24's Tasklist (1.8, schema
// version 16) in jsdom and checks what a manager meets (PP-3, PP-5): the account and order facts are shown
// read-only, a decision is required, the reason box appears only for a decline and is then required.
// Run: npm run check:forms
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { JSDOM } = require('jsdom');

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const name of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'Element', 'Event', 'CustomEvent',
  'KeyboardEvent', 'MouseEvent', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame',
  'MutationObserver', 'DOMParser', 'SVGElement']) {
  if (!(name in global)) {
    global[name] = dom.window[name];
  }
}
window.matchMedia = window.matchMedia || (() => ({ matches: false, addListener() {}, removeListener() {},
  addEventListener() {}, removeEventListener() {} }));

const { Form, schemaVersion } = require('@bpmn-io/form-js-viewer');
const file = path.join(__dirname, '..', '..', '..', 'forms', 'review-postpay-permission.form');
const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
const facts = { accountName: 'Acme Hosting Ltd', accountType: 'Company', ownerName: 'Olga Owner',
  managerName: 'No manager assigned', balance: '120.50 EUR', accountAgeDays: 3, planName: 'Cloud Server M',
  planPrice: '49.00 EUR per month', trial: false };

async function render(decision) {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const form = new Form({ container });
  const { warnings } = await form.importSchema(schema, { ...facts, ...decision });
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { container, form, warnings };
}

(async () => {
  assert.ok(schema.schemaVersion <= schemaVersion, `schemaVersion ${schema.schemaVersion} > Tasklist's ${schemaVersion}`);

  const empty = await render({});
  assert.deepEqual(empty.warnings, []);
  const balance = empty.container.querySelector('input[id*="balance" i]');
  assert.equal(balance.value, '120.50 EUR');
  assert.ok(balance.readOnly, 'facts are read-only');
  assert.equal(empty.container.querySelector('textarea'), null, 'no reason box before a decision');
  assert.deepEqual(Object.keys(empty.form.submit().errors), ['Field_Approved'], 'a decision is required');

  const approve = await render({ approved: 'true' });
  assert.equal(approve.container.querySelector('textarea'), null, 'no reason box when approving');
  const approved = approve.form.submit();
  assert.deepEqual(approved.errors, {});
  assert.equal(approved.data.approved, 'true');
  assert.ok(!('declineReason' in approved.data), 'no reason is sent when approving');

  const decline = await render({ approved: 'false' });
  assert.ok(decline.container.querySelector('textarea'), 'the reason box appears when declining');
  assert.deepEqual(Object.keys(decline.form.submit().errors), ['Field_DeclineReason'], 'PP-5: reason required');

  const declined = (await render({ approved: 'false', declineReason: 'No credit history' })).form.submit();
  assert.deepEqual(declined.errors, {});
  assert.equal(declined.data.declineReason, 'No credit history');

  console.log('review-postpay-permission.form: OK (form-js schema version ' + schemaVersion + ')');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
