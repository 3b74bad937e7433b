import { leadApi, projectApi } from '@/api/clients'
import { call } from '@/app/problems'

/** Searches need at least this many characters (the character-pair indexes find nothing useful in fewer). */
export const minimumLength = 2

export const searchLeads = (q: string) => call(leadApi.GET('/api/lead/search', { params: { query: { Q: q, PageSize: 20 } } }))
export const searchProjects = (q: string) => call(projectApi.GET('/api/project/search', { params: { query: { Q: q, PageSize: 20 } } }))
