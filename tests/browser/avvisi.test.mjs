// Mail seen through a real browser: a case worker reaches "Avvisi per
// email" from the home page, turns a kind off and on again (the message
// after saving, the box as saved); the administrator's "Posta in uscita".
// axe-core on every page, the CSP watched, screenshots at 1280 and 390 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO, useBrowser, newPage, watchProblems, screenshotBoth, go, login, pathOf, navigating,
  follow, press, notice, tickLabel, axeAccumulator,
} from './lib.mjs';

useBrowser();

test('a case worker chooses the kinds that come by mail; the administrator sees the outbox', async (t) => {
  const axe = axeAccumulator(t);
  const { context, page } = await newPage();
  axe.watch(page);
  const problems = await watchProblems(t, context, page, { everyPage: true });
  try {
    await login(page, ...DEMO.operatore, 'home operatore');
    await follow(page, 'Avvisi per email', 'avvisi');
    assert.equal(pathOf(page), '/avvisi');
    const box = page.getByLabel('Allontanamento di un minore');
    assert.equal(await box.isChecked(), true, 'by mail unless turned off');
    await assert.doesNotReject(page.getByText('operatore@approdo.example').waitFor());
    await screenshotBoth(page, 'avvisi');
    await tickLabel(page, 'Allontanamento di un minore', false);
    await press(page, 'Salva le scelte', 'avvisi saved');
    await assert.doesNotReject(notice(page, 'Scelte salvate.').waitFor());
    assert.equal(await page.getByLabel('Allontanamento di un minore').isChecked(), false);
    await tickLabel(page, 'Allontanamento di un minore', true);
    await press(page, 'Salva le scelte', 'avvisi saved again');
    assert.equal(await page.getByLabel('Allontanamento di un minore').isChecked(), true);
  } finally {
    await context.close();
  }
  const admin = await newPage();
  axe.watch(admin.page);
  const problems2 = await watchProblems(t, admin.context, admin.page, { everyPage: true });
  try {
    await login(admin.page, ...DEMO.amministratore, 'home amministratore');
    await navigating(admin.page, () => admin.page.getByLabel('Navigazione principale')
      .getByRole('link', { name: 'Posta in uscita' }).click(), 'posta in uscita');
    await assert.doesNotReject(admin.page.getByRole('heading', { name: 'Non consegnati' }).waitFor());
    await screenshotBoth(admin.page, 'posta-in-uscita');
    await go(admin.page, '/avvisi', 'avvisi amministratore');
    await assert.doesNotReject(admin.page.getByLabel('Email non consegnata').waitFor());
  } finally {
    await admin.context.close();
  }
  problems.done();
  problems2.done();
  axe.done();
});
