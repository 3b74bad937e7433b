import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { Connection } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/intents',
    name: 'intents',
    component: () => import('./Intents.vue'),
    meta: { title: '合作意向', operation: 'ListIntents', menu: { order: 40, icon: markRaw(Connection) } },
  },
  {
    path: '/intents/new',
    name: 'intent-create',
    component: () => import('./IntentCreate.vue'),
    props: (route) => ({ enterpriseId: typeof route.query.enterpriseId === 'string' ? route.query.enterpriseId : undefined }),
    meta: { title: '登记合作意向', operation: 'CreateIntent' },
  },
  {
    path: '/intents/:id',
    name: 'intent',
    component: () => import('./IntentDetail.vue'),
    props: true,
    meta: { title: '合作意向', operation: 'GetIntent' },
  },
]

export default routes
