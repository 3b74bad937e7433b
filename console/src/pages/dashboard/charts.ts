import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, FunnelChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'

// Only the chart types the 驾驶舱 and the warnings page draw, so the ECharts chunk stays small.
use([CanvasRenderer, BarChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent])

export { default as VChart } from 'vue-echarts'

/** What ECharts hands a click handler. */
export interface ChartClick {
  name: string
  dataIndex: number
  data?: unknown
}
