import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// In development the gateway serves the APIs, the documents and /config.json; the dev server only serves the console.
const gateway = process.env.ZS_GATEWAY ?? 'http://127.0.0.1:5100'

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components and their styles are imported where used, so each page chunk carries only its own.
    AutoImport({ resolvers: [ElementPlusResolver()], dts: 'auto-imports.d.ts' }),
    Components({ resolvers: [ElementPlusResolver()], dts: 'components.d.ts', dirs: [] }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': gateway, '/openapi': gateway, '/config.json': gateway },
  },
  // Route-level splitting: each page (and ECharts with the pages that draw charts) loads when first opened.
  build: { chunkSizeWarningLimit: 800 },
})
