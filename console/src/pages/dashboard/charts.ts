import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, FunnelChart, GaugeChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'

// Only the chart types the 驾驶舱 draws, so the ECharts chunk stays small.
use([CanvasRenderer, BarChart, FunnelChart, GaugeChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent])

export { default as VChart } from 'vue-echarts'

/** What ECharts hands a click handler. */
export interface ChartClick {
  name: string
  dataIndex: number
  data?: unknown
}
