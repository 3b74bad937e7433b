import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { Calendar } from '@element-plus/icons-vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/calendar',
    name: 'calendar',
    component: () => import('./WorkingCalendar.vue'),
    props: (route) => ({ year: Number(route.query.year) || undefined }),
    meta: { title: '工作日历', operation: 'ListWorkingCalendarYears', menu: { order: 85, icon: markRaw(Calendar) } },
  },
]

export default routes
