import { projectApi } from '@/api/clients'
import { call } from '@/app/problems'

export const loadKpis = (year: number) => call(projectApi.GET('/api/kpis', { params: { query: { year } } }))
