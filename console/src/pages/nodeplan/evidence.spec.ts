import { createHash, randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, signIn, test } from '../../../tests/fixtures'
import { consoleUrl } from '../../../tests/console-url'
import { StaffApi } from '../projects/setup'

/** A small but real PDF (one empty page), unique per call so that its digest names this upload only. */
function pdf(): Buffer {
  return Buffer.from([
    '%PDF-1.4',
    `% 界面测试 ${randomUUID()}`,
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'))
}

/** The first node's 佐证材料 dialog on the project's node plan, its list loaded. */
async function openEvidence(page: Page, projectId: string) {
  await page.goto(`/projects/${projectId}`)
  await page.getByRole('tab', { name: '节点计划' }).click()
  await page.getByTestId('node-gantt').getByTestId('open-evidence').first().click()
  const dialog = page.getByTestId('node-dialog')
  await expect(dialog.getByTestId('evidence-list')).toBeVisible()
  return dialog
}

async function upload(dialog: Awaited<ReturnType<typeof openEvidence>>, name: string, buffer: Buffer) {
  await dialog.getByTestId('evidence-upload').locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer })
}

const sizeText = (bytes: Buffer) => `${(bytes.length / 1024).toFixed(1)} KB`

test.describe('a district officer (anning) on a node of a signed project', () => {
  test.use({ user: 'anning' })

  test('uploads a PDF as 佐证材料, sees it listed and downloads the same bytes under its name', { tag: '@journey' }, async ({ page }) => {
    const id = await (await StaffApi.of(page)).signedProject()
    const dialog = await openEvidence(page, id)
    const bytes = pdf()
    const name = `竣工验收报告-${id.slice(0, 8)}.pdf`
    await upload(dialog, name, bytes)

    const row = dialog.getByTestId('evidence-list').locator('.el-table__row').filter({ hasText: name })
    await expect(row).toContainText('PDF')
    await expect(row).toContainText(sizeText(bytes))
    await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    await expect(row).toContainText(createHash('sha256').update(bytes).digest('hex').slice(0, 8))

    const downloaded = page.waitForEvent('download')
    await row.getByTestId('evidence-download').click()
    const file = await downloaded
    expect(file.suggestedFilename()).toBe(name)
    expect((await readFile(await file.path())).equals(bytes)).toBe(true)
  })

  test('a text file named .pdf is refused under the upload control and not listed; a real PDF then is', async ({ page }) => {
    const id = await (await StaffApi.of(page)).signedProject()
    const dialog = await openEvidence(page, id)
    await upload(dialog, '伪装的文件.pdf', Buffer.from('这不是 PDF，只是一段文字。\n'))
    await expect(dialog.getByTestId('evidence-refusal')).toContainText('文件类型不受支持')
    const rows = dialog.getByTestId('evidence-list').locator('.el-table__row')
    await expect(dialog.getByTestId('evidence-list')).toContainText('暂无佐证材料')

    // The list is read again after an accepted upload: the refused file is still not in it.
    await upload(dialog, '真实的文件.pdf', pdf())
    await expect(rows).toHaveCount(1)
    await expect(rows).toContainText('真实的文件.pdf')
    await expect(dialog.getByTestId('evidence-refusal')).toHaveCount(0)
  })
})

test.describe('an auditor', () => {
  test.use({ user: 'auditor' })

  test('sees a node\'s 佐证材料 but no upload button', async ({ page, browser }) => {
    const anning = await browser.newPage({ baseURL: consoleUrl })
    const name = `现场照片说明-${randomUUID().slice(0, 8)}.pdf`
    let id: string
    try {
      await signIn(anning, 'anning')
      id = await (await StaffApi.of(anning)).signedProject()
      const dialog = await openEvidence(anning, id)
      await upload(dialog, name, pdf())
      await expect(dialog.getByTestId('evidence-list')).toContainText(name)
    } finally {
      await anning.close()
    }
    const dialog = await openEvidence(page, id)
    await expect(dialog.getByTestId('evidence-list')).toContainText(name)
    await expect(dialog.getByTestId('evidence-download')).toBeVisible()
    await expect(dialog.getByTestId('evidence-upload')).toHaveCount(0)
  })
})
