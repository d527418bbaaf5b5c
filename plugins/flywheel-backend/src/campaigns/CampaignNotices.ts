import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { DateTime } from 'luxon';
import type {
  CampaignRecord,
  CampaignStore,
  Member,
} from './store/CampaignStore';

const DAY_MS = 86_400_000;
/** How long before the deadline owners with open items hear of it. */
export const DEADLINE_NOTICE_DAYS = 7;

/** One message to a set of owners (groups reach their members). */
export interface CampaignMessage {
  recipients: string[];
  title: string;
  description: string;
  link: string;
  severity?: 'normal' | 'high';
}

export type CampaignNotifier = (message: CampaignMessage) => Promise<void>;

export function campaignLink(id: string): string {
  return `/flywheel/campaigns/${encodeURIComponent(id)}`;
}

/** Through Backstage notifications. */
export function notificationCampaignNotifier(
  notifications: NotificationService,
): CampaignNotifier {
  return async message => {
    if (message.recipients.length === 0) {
      return;
    }
    await notifications.send({
      recipients: { type: 'entity', entityRef: message.recipients },
      payload: {
        title: message.title,
        description: message.description,
        link: message.link,
        topic: 'flywheel-campaigns',
        severity: message.severity ?? 'normal',
      },
    });
  };
}

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/**
 * Tells the owners of a campaign's entities what they need to know, each
 * notice once across replicas (claimed in the store before it is sent):
 * - at launch, every owner of an entity in the cohort;
 * - a weekly digest, from the week after the launch, to owners with open
 *   items;
 * - `DEADLINE_NOTICE_DAYS` before the deadline, to owners with open items;
 * - at completion, every owner and the campaign's owner.
 * Closed and scheduled campaigns get none.
 */
export class CampaignNotices {
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      store: CampaignStore;
      notify: CampaignNotifier;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Sends what is due; returns how many messages went out. */
  async run(): Promise<number> {
    let sent = 0;
    for (const record of await this.deps.store.list()) {
      try {
        sent += await this.forCampaign(record);
      } catch (error) {
        this.deps.logger.warn(
          `Notices of campaign '${record.definition.id}' failed: ${error}`,
        );
      }
    }
    return sent;
  }

  private async forCampaign(record: CampaignRecord): Promise<number> {
    const { definition } = record;
    const now = this.now();
    if (record.closedAt || now < new Date(definition.startsAt)) {
      return 0;
    }
    const id = definition.id;
    const link = campaignLink(id);
    const members = await this.deps.store.listMembers(id);
    const openByOwner = groupOpen(members);
    const owners = [
      ...new Set(members.flatMap(m => (m.ownerRef ? [m.ownerRef] : []))),
    ];
    const claim = (notice: string) =>
      this.deps.store.claimNotice(id, notice, now);
    const deadline = DateTime.fromJSDate(new Date(definition.deadline), {
      zone: 'utc',
    }).toFormat('d LLL yyyy');
    let sent = 0;

    if (record.completedAt) {
      if (await claim('completion')) {
        await this.deps.notify({
          recipients: [...owners, definition.ownerRef],
          title: `Campaign complete: ${definition.title}`,
          description: `Every entity of the cohort meets the goal. Thank you!`,
          link,
        });
        sent++;
      }
      return sent;
    }

    const notices = await this.deps.store.notices(id);
    if (!notices.has('launch')) {
      if (await claim('launch')) {
        await this.deps.notify({
          recipients: owners,
          title: `New campaign: ${definition.title}`,
          description: `${definition.description} Deadline ${deadline}. Open the campaign to see your team's to-do items.`,
          link,
        });
        sent++;
      }
      return sent;
    }

    const daysLeft =
      (new Date(definition.deadline).getTime() - now.getTime()) / DAY_MS;
    if (
      daysLeft > 0 &&
      daysLeft <= DEADLINE_NOTICE_DAYS &&
      (await claim('deadline'))
    ) {
      for (const [owner, open] of openByOwner) {
        await this.deps.notify({
          recipients: [owner],
          title: `${definition.title}: ${plural(
            open,
            'item',
            'items',
          )} left, deadline ${deadline}`,
          description: `Your team still has ${plural(
            open,
            'entity',
            'entities',
          )} to bring to the goal before the deadline.`,
          link,
          severity: 'high',
        });
        sent++;
      }
      return sent;
    }

    const launchedAt = Date.parse(notices.get('launch')!);
    if (now.getTime() - launchedAt < 6 * DAY_MS) {
      return sent;
    }
    const week = DateTime.fromJSDate(now, { zone: 'utc' }).toFormat(
      "kkkk-'W'WW",
    );
    for (const [owner, open] of openByOwner) {
      if (await claim(`digest:${week}:${owner}`)) {
        await this.deps.notify({
          recipients: [owner],
          title: `${definition.title}: ${plural(
            open,
            'open item',
            'open items',
          )} for your team`,
          description: `Weekly digest. Deadline ${deadline}.`,
          link,
        });
        sent++;
      }
    }
    return sent;
  }
}

function groupOpen(members: readonly Member[]): Map<string, number> {
  const open = new Map<string, number>();
  for (const m of members) {
    if (m.state === 'open' && m.ownerRef) {
      open.set(m.ownerRef, (open.get(m.ownerRef) ?? 0) + 1);
    }
  }
  return open;
}
