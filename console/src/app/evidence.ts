import { approvalApi, fundingApi, leadApi, projectApi } from '@/api/clients'
import type { paths as ApprovalPaths } from '@/api/generated/approval'
import type { paths as FundingPaths } from '@/api/generated/funding'
import type { paths as LeadPaths } from '@/api/generated/lead'
import type { components, paths as ProjectPaths } from '@/api/generated/project'
import type { ApiResult } from './problems'

/** An evidence file as every service lists it (one platform component, the same schema in each document). */
export type Attachment = components['schemas']['Attachment']

type RecordPath<Route extends { get: { parameters: { path: object } } }> = Route['get']['parameters']['path']

/** The records that carry evidence files (as named in their operations, Upload{record}Attachment) and their path parameters. */
export interface EvidenceRecords {
  Node: RecordPath<ProjectPaths['/api/projects/{projectId}/nodes/{nodeId}/attachments']>
  FollowUp: RecordPath<LeadPaths['/api/intents/{intentId}/follow-ups/{followUpId}/attachments']>
  FundsReport: RecordPath<FundingPaths['/api/funds-reports/{reportId}/attachments']>
  ApprovalItem: RecordPath<ApprovalPaths['/api/projects/{projectId}/approval-case/items/{itemCode}/attachments']>
}
export type EvidenceRecord = keyof EvidenceRecords

export interface EvidenceCalls<K extends EvidenceRecord> {
  list(path: EvidenceRecords[K]): Promise<ApiResult<Attachment[]>>
  upload(path: EvidenceRecords[K], file: File): Promise<ApiResult<Attachment>>
  download(path: EvidenceRecords[K], attachmentId: string): Promise<ApiResult<Blob>>
}

// The documents type the form's file as text (IFormFile); what goes out is the multipart form with the file itself,
// which openapi-fetch sends as it is (the browser sets the boundary).
export function multipart(file: File): components['schemas']['AttachmentForm'] {
  const form = new FormData()
  form.append('file', file)
  return form as unknown as components['schemas']['AttachmentForm']
}

const calls: { [K in EvidenceRecord]: EvidenceCalls<K> } = {
  Node: {
    list: (path) => projectApi.GET('/api/projects/{projectId}/nodes/{nodeId}/attachments', { params: { path } }),
    upload: (path, file) => projectApi.POST('/api/projects/{projectId}/nodes/{nodeId}/attachments', { params: { path }, body: multipart(file) }),
    download: (path, attachmentId) => projectApi.GET('/api/projects/{projectId}/nodes/{nodeId}/attachments/{attachmentId}',
      { params: { path: { ...path, attachmentId } }, parseAs: 'blob' }),
  },
  FollowUp: {
    list: (path) => leadApi.GET('/api/intents/{intentId}/follow-ups/{followUpId}/attachments', { params: { path } }),
    upload: (path, file) => leadApi.POST('/api/intents/{intentId}/follow-ups/{followUpId}/attachments', { params: { path }, body: multipart(file) }),
    download: (path, attachmentId) => leadApi.GET('/api/intents/{intentId}/follow-ups/{followUpId}/attachments/{attachmentId}',
      { params: { path: { ...path, attachmentId } }, parseAs: 'blob' }),
  },
  FundsReport: {
    list: (path) => fundingApi.GET('/api/funds-reports/{reportId}/attachments', { params: { path } }),
    upload: (path, file) => fundingApi.POST('/api/funds-reports/{reportId}/attachments', { params: { path }, body: multipart(file) }),
    download: (path, attachmentId) => fundingApi.GET('/api/funds-reports/{reportId}/attachments/{attachmentId}',
      { params: { path: { ...path, attachmentId } }, parseAs: 'blob' }),
  },
  ApprovalItem: {
    list: (path) => approvalApi.GET('/api/projects/{projectId}/approval-case/items/{itemCode}/attachments', { params: { path } }),
    upload: (path, file) => approvalApi.POST('/api/projects/{projectId}/approval-case/items/{itemCode}/attachments',
      { params: { path }, body: multipart(file) }),
    download: (path, attachmentId) => approvalApi.GET('/api/projects/{projectId}/approval-case/items/{itemCode}/attachments/{attachmentId}',
      { params: { path: { ...path, attachmentId } }, parseAs: 'blob' }),
  },
}

/** The generated clients' calls for one kind of record (each service's document, with the bearer token). */
export const evidenceCalls = <K extends EvidenceRecord>(record: K): EvidenceCalls<K> => calls[record]

const kinds: Record<string, string> = {
  'application/pdf': 'PDF', 'image/png': 'PNG 图片', 'image/jpeg': 'JPEG 图片', 'image/gif': 'GIF 图片', 'image/webp': 'WebP 图片',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word', 'application/msword': 'Word 97-2003',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel', 'application/vnd.ms-excel': 'Excel 97-2003',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint', 'application/vnd.ms-powerpoint': 'PowerPoint 97-2003',
}

/** The type the service judged from the content, as staff call it. */
export const kindOf = (contentType: string) => kinds[contentType] ?? contentType

/** 1536 → "1.5 KB", 3145728 → "3.00 MB". */
export function fileSize(bytes: number | string): string {
  const size = Number(bytes)
  return size < 1024 * 1024 ? `${(size / 1024).toFixed(1)} KB` : `${(size / 1024 / 1024).toFixed(2)} MB`
}

/** Why an upload was refused, in Chinese; the size limit is the service's, as its problem states it. */
export function refusalOf(status: number, detail?: string): string | undefined {
  if (status === 413) {
    const limit = /(\d+) bytes/.exec(detail ?? '')?.[1]
    return limit ? `文件过大：单个文件不超过 ${fileSize(limit)}` : '文件过大，超过服务允许的大小'
  }
  if (status === 415)
    return '文件类型不受支持（按文件内容判断，与扩展名无关）：仅接受 PDF、PNG/JPEG/GIF/WebP 图片、Word、Excel、PowerPoint 文件'
  if (status === 400)
    return '文件无法读取（空文件或文件名过长），请重新选择'
  return undefined
}
