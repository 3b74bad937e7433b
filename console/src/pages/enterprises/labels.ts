import type { ChainRole, EnterprisePriority } from './api'

export const chainRoleNames: Record<ChainRole, string> = { ChainLeader: '链主', Supplier: '配套' }

export const priorityNames: Record<EnterprisePriority, string> = { A: 'A 类', B: 'B 类', C: 'C 类' }

/** HQ region of an enterprise registered abroad: the only one allowed without a USCC (the API's rule). */
export const abroad = '境外'

export const hqRegions = ['京津冀', '长三角', '粤港澳大湾区', '成渝', '省内', abroad]
