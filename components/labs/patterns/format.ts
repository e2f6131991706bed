/** How the patterns lab writes its figures: one place, so charts, tables and summaries agree. */
export const percent = (ratio: number) => `${(ratio * 100).toFixed(ratio >= 0.995 || ratio === 0 ? 0 : 1)} %`;
export const milliseconds = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
export const count = (value: number) => Math.round(value).toLocaleString('en-US');
export const perSecond = (value: number) => `${count(value)}/s`;
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
