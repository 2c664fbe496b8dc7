/** One printed line of `npm run bench`. */
export interface BenchResult {
  name: string;
  figure: string;
  detail?: string;
}
