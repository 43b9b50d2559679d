/**
 * Who coordinates the program (issue 16, point 1): the workspace's admins and owners, as Slack says
 * (users.info), and the people a coordinator added (the `program_coordinators` table). A deactivated
 * account coordinates nothing, whichever way it became a coordinator. The Slack layer answers the
 * Slack half through `WorkspaceStanding`; ProgramService.isCoordinator combines the two halves, and
 * every coordinator check (the program overview, pairing two other people) goes through it.
 */
export interface Standing {
  /** A workspace admin, owner or primary owner. */
  admin: boolean;
  /** Deactivated or deleted. */
  deleted: boolean;
  bot: boolean;
}

/** What Slack says about a person of the workspace the request came from. */
export interface WorkspaceStanding {
  standingOf(userId: string): Promise<Standing>;
}

/** The rule itself, pure: Slack's word on the person, and whether a coordinator added them. */
export const coordinates = (standing: Standing, added: boolean): boolean => !standing.deleted && !standing.bot && (standing.admin || added);
