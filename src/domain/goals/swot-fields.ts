/** The four quadrants of a SWOT, as the mentee writes them (each may be left empty). */
export interface SwotFields {
  strengths: string | null;
  weaknesses: string | null;
  opportunities: string | null;
  threats: string | null;
}
