import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/search',
    name: 'search',
    component: () => import('./SearchResults.vue'),
    props: (route) => ({ q: typeof route.query.q === 'string' ? route.query.q : '' }),
    meta: { title: '搜索', operation: 'SearchLeads' },
  },
]

export default routes
