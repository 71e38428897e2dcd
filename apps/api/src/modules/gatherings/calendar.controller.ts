import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../../common/request-context';
import { CurrentUser, Public, SignedIn } from '../identity/auth.decorators';
import { CalendarFeedService } from './calendar-feed.service';
import { AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { GatheringStatus } from './entities/gathering.entity';
import { GatheringsService } from './gatherings.service';
import { gatheringIcs } from './utils/ics.util';

@Controller('api')
export class CalendarController {
  constructor(
    private readonly gatherings: GatheringsService,
    private readonly feeds: CalendarFeedService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A member's private feed, for calendar apps to subscribe to; the secret in the URL is the key. */
  @Public()
  @Get('calendar/:file')
  async feed(@Param('file') file: string, @Res() res: Response) {
    const body = await this.feeds.feed(file.replace(/\.ics$/, ''));
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.send(body);
  }

  /** A gathering as a downloadable .ics. */
  @SignedIn()
  @Get('gatherings/:id/calendar.ics')
  async ics(@CurrentUser() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response) {
    const g = await this.gatherings.get(actor, id);
    const body = gatheringIcs(
      [
        {
          id: g.id,
          sequence: g.sequence,
          cancelled: g.status === GatheringStatus.CANCELLED,
          title: g.title,
          description: [g.theme, g.agenda].filter(Boolean).join('\n\n'),
          location: g.place || g.videoUrl,
          url: `${this.config.app.publicUrl}/samlinger/${g.id}`,
          startsAt: g.startsAt,
          endsAt: g.endsAt,
        },
      ],
      { method: 'PUBLISH', organizer: { name: 'Lærenett', email: 'noreply@laerenett.no' } },
      this.clock.now(),
    );
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="samling-${g.id.slice(0, 8)}.ics"`);
    res.send(body);
  }
}
