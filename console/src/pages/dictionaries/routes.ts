import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { Collection } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/dictionaries',
    name: 'dictionaries',
    component: () => import('./Dictionaries.vue'),
    meta: { title: '字典管理', operation: 'GetDictionaries', menu: { order: 90, icon: markRaw(Collection) } },
  },
]

export default routes
