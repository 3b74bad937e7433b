// Prints the production bundle's size: every file of dist/assets, raw and gzip-compressed, and the total.
import { readdirSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const assets = new URL('../dist/assets/', import.meta.url)
let files
try {
  files = readdirSync(assets).sort()
} catch {
  console.error('dist/assets not found: run npm run build first')
  process.exit(1)
}
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`
let raw = 0
let gzip = 0
for (const name of files) {
  const content = readFileSync(new URL(name, assets))
  const compressed = gzipSync(content, { level: 9 }).length
  raw += content.length
  gzip += compressed
  console.log(`${name.padEnd(48)} ${kib(content.length).padStart(12)} ${kib(compressed).padStart(12)} gzip`)
}
console.log(`total: ${files.length} files, ${kib(raw)} raw, ${kib(gzip)} gzip (${raw} / ${gzip} bytes)`)
