import { createApp } from 'vue'
import { ElMessage } from 'element-plus'
import 'element-plus/theme-chalk/base.css'
import App from './App.vue'
import { ApiError } from './app/problems'
import { router } from './app/router'

const app = createApp(App)
// An ApiError has already been shown where it happened; anything else is a defect worth telling the user about.
app.config.errorHandler = (error) => {
  if (!(error instanceof ApiError))
    ElMessage.error(`页面出错：${error instanceof Error ? error.message : String(error)}`)
  console.error(error)
}
window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof ApiError)
    event.preventDefault()
})
app.use(router).mount('#app')
