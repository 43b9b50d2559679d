/**
 * Who may set up a pair for two other people: a program coordinator. Until the program issue lands,
 * coordinators are the workspace's admins and owners (src/slack/coordinators.ts asks Slack); the
 * program issue replaces the gateway with one that also knows the coordinators a coordinator added.
 */
export interface Coordinators {
  isCoordinator(userId: string): Promise<boolean>;
}
