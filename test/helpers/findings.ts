/** What a finding says, without where it is printed: to compare the same document in two forms. */
export interface FindingLike {
  ruleId: string;
  severity: string;
  withinRounding: boolean;
  message: string;
  table: string;
  unit: string | null;
  code: string | null;
  item: string | null;
  column: string | null;
  stated: string | null;
  computed: string | null;
  difference: string | null;
  tolerance: string | null;
  location: { file: string; line?: number | null; column?: number | null; sheet?: string | null; cell?: string | null };
  related: { file: string; line?: number | null; sheet?: string | null; cell?: string | null }[];
}

export function withoutLocation(fs: FindingLike[]) {
  return fs
    .map(({ location: _l, related: _r, ...rest }) => JSON.stringify(rest))
    .sort();
}
