/** The warning grades every service grades deadlines with (WarningGrades), in rising order, with their lights. */
export const grades = ['green', 'yellow', 'red', 'leader', 'bureau'] as const
export type Grade = (typeof grades)[number]

export const gradeNames: Record<Grade, string> = {
  green: '绿',
  yellow: '黄',
  red: '红',
  leader: '升级 包保领导',
  bureau: '升级 局',
}

export const gradeColors: Record<Grade, string> = {
  green: '#67c23a',
  yellow: '#e6a23c',
  red: '#f56c6c',
  leader: '#c45656',
  bureau: '#8b1a1a',
}

const known = (grade: string | null | undefined): grade is Grade => grades.includes(grade as Grade)

/** A grade the API names (maybe one this console does not know yet) in Chinese. */
export const gradeName = (grade: string | null | undefined) => (known(grade) ? gradeNames[grade] : (grade ?? '—'))
export const gradeColor = (grade: string | null | undefined) => (known(grade) ? gradeColors[grade] : '#909399')

/** Working days left (green, yellow) or late (red and above) as the API counts them. */
export function workingDaysText(grade: string | null | undefined, days: number | string | null | undefined): string {
  if (days === null || days === undefined)
    return ''
  const count = Math.abs(Number(days))
  return grade === 'green' || grade === 'yellow' ? `剩 ${count} 个工作日` : `逾期 ${count} 个工作日`
}
