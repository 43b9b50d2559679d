/** Who is acting: every use case that acts for a person is handed this (the Slack layer builds it once per request). */
export interface Actor {
  teamId: string;
  userId: string;
}
