import type { Locator, Page } from '@playwright/test'

const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** A fresh valid 统一社会信用代码 (GB 32100-2015 check digit), so every run adds a new enterprise. */
export function newUscc(): string {
  let body = '91530181'
  while (body.length < 17)
    body += usccAlphabet[Math.floor(Math.random() * usccAlphabet.length)]
  const sum = [...body].reduce((total, char, i) => total + usccAlphabet.indexOf(char) * usccWeights[i]!, 0)
  return body + usccAlphabet[(31 - (sum % 31)) % 31]
}

/** A name no earlier run used. */
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`

/** The text field of the Element Plus control marked `testId` (the mark sits on the input itself or on its wrapper). */
export const field = (scope: Page | Locator, testId: string) => scope.locator(
  [`input[data-testid="${testId}"]`, `textarea[data-testid="${testId}"]`, `[data-testid="${testId}"] input`, `[data-testid="${testId}"] textarea`].join(', '))

/** The form item labelled `label` (its field and the error shown under it). */
export function formItem(scope: Page | Locator, label: string): Locator {
  // A `has` locator is matched inside each candidate, so it starts from the page, not from the scope.
  const page = 'page' in scope ? scope.page() : scope
  return scope.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: label }) })
}

/** Types into an Element Plus select that allows new values and takes what was typed. */
export async function chooseOrType(scope: Locator, testId: string, text: string): Promise<void> {
  const input = field(scope, testId)
  await input.click()
  await input.fill(text)
  await scope.page().locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

/** Fills the enterprise form and saves it; the caller checks the outcome. */
export async function fillEnterprise(page: Page, fields: { name: string; uscc: string; chain: string; role: '链主' | '配套' }) {
  const form = page.getByTestId('enterprise-form')
  await field(form, 'enterprise-name').fill(fields.name)
  await field(form, 'enterprise-uscc').fill(fields.uscc)
  await chooseOrType(form, 'enterprise-hq', '长三角')
  await chooseOrType(form, 'enterprise-chain', fields.chain)
  await form.getByTestId('enterprise-role').getByText(fields.role, { exact: true }).click()
  await form.getByTestId('enterprise-save').click()
}

/** Adds an enterprise through the list page; ends on its page. */
export async function addEnterprise(page: Page, fields: Parameters<typeof fillEnterprise>[1]): Promise<void> {
  await page.goto('/enterprises')
  await page.getByTestId('enterprise-create').click()
  await fillEnterprise(page, fields)
  await page.getByTestId('enterprise-title').filter({ hasText: fields.name }).waitFor()
}
