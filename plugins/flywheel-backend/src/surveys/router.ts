import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { routeHelpers } from '../http/callers';
import { FlywheelApiRouter } from '../http/createRouter';
import { sendCsv } from '../http/csv';
import { userRefOf } from '../permissions/principals';
import { SurveyService } from './SurveyService';

type Request = Parameters<HttpAuthService['credentials']>[0];

const untyped = (res: unknown) => res as import('express').Response;

const flag = (value: unknown) =>
  value === undefined ? undefined : String(value) === 'true';

const integer = (value: unknown) =>
  value === undefined ? undefined : Number(value);

/** HTTP ↔ SurveyService: credentials and audit; the service decides the rest. */
export function registerSurveyRoutes(
  router: FlywheelApiRouter,
  deps: {
    surveys: SurveyService;
    httpAuth: HttpAuthService;
    auditor: AuditorService;
  },
) {
  const { surveys } = deps;
  const { anyone, audited: write, ...callers } = routeHelpers(deps);
  // Text the databases cannot store, or JSON too deep to walk: 400.
  /** Answering and authoring need a person. */
  const person = async (req: Request) => {
    const credentials = await callers.person(req);
    return { credentials, userRef: credentials.principal.userEntityRef };
  };

  router.get('/surveys', async (req, res) => {
    await anyone(req);
    res.json({
      items: await surveys.listSurveys({
        includeArchived: flag(req.query.includeArchived),
      }),
    });
  });

  router.post('/surveys', async (req, res) => {
    const survey = await write(req, 'survey-create', {}, async () => {
      const { credentials, userRef } = await person(req);
      return surveys.createSurvey(
        req.body as Record<string, unknown>,
        credentials,
        userRef,
      );
    });
    res.status(201).json(survey);
  });

  router.get('/surveys/prompts', async (req, res) => {
    const { userRef } = await person(req);
    res.json({ items: await surveys.prompts(userRef, req.query.path) });
  });

  router.post('/surveys/triggers', async (req, res) => {
    await write(req, 'survey-trigger', { event: req.body.event }, async () => {
      // Other backends fire triggers on a person's behalf; people cannot
      // fire them for others.
      await callers.backend(req);
      await surveys.fire(req.body);
    });
    res.status(202).json({ accepted: true });
  });

  router.get('/surveys/:surveyId', async (req, res) => {
    await anyone(req);
    res.json(await surveys.getSurvey(req.params.surveyId));
  });

  router.put('/surveys/:surveyId', async (req, res) => {
    const survey = await write(
      req,
      'survey-update',
      { surveyId: req.params.surveyId },
      async () => {
        const { credentials } = await person(req);
        return surveys.updateSurvey(
          req.params.surveyId,
          req.body as Record<string, unknown>,
          credentials,
        );
      },
    );
    res.json(survey);
  });

  router.post('/surveys/:surveyId/archive', async (req, res) => {
    const survey = await write(
      req,
      'survey-archive',
      { surveyId: req.params.surveyId },
      async () => {
        const { credentials } = await person(req);
        return surveys.archiveSurvey(req.params.surveyId, credentials);
      },
    );
    res.json(survey);
  });

  router.get('/surveys/:surveyId/waves', async (req, res) => {
    await anyone(req);
    res.json({ items: await surveys.listWaves(req.params.surveyId) });
  });

  router.get('/surveys/:surveyId/form', async (req, res) => {
    const { userRef } = await person(req);
    res.json(await surveys.form(req.params.surveyId, userRef));
  });

  router.get('/surveys/:surveyId/preview', async (req, res) => {
    const { credentials } = await person(req);
    res.json(await surveys.preview(req.params.surveyId, credentials));
  });

  router.post('/surveys/:surveyId/responses', async (req, res) => {
    // Audited without the answers: they may be anonymous.
    const result = await write(
      req,
      'survey-respond',
      { surveyId: req.params.surveyId, waveId: req.body.waveId },
      async () => {
        const { userRef } = await person(req);
        return surveys.submit(req.params.surveyId, userRef, req.body);
      },
    );
    res.status(result.status === 'created' ? 201 : 200).json(result);
  });

  // No permission: a person snoozes or dismisses only their own prompt.
  router.post('/surveys/:surveyId/prompt-actions', async (req, res) => {
    await write(
      req,
      'survey-prompt-action',
      {
        surveyId: req.params.surveyId,
        waveId: req.body.waveId,
        action: req.body.action,
      },
      async () => {
        const { userRef } = await person(req);
        await surveys.promptAction(req.params.surveyId, userRef, req.body);
      },
    );
    res.status(204).end();
  });

  router.get('/surveys/:surveyId/results', async (req, res) => {
    const credentials = await anyone(req);
    const query = { waveId: req.query.waveId, groupRef: req.query.groupRef };
    if (req.query.format === 'csv') {
      const csv = await surveys.resultsCsv(
        req.params.surveyId,
        query,
        credentials,
        userRefOf(credentials),
      );
      sendCsv(res, `${req.params.surveyId}-results.csv`, csv);
      return;
    }
    // Many people read the same view: it is sent as serialised once.
    untyped(res)
      .status(200)
      .type('application/json')
      .send(
        await surveys.resultsJson(
          req.params.surveyId,
          query,
          credentials,
          userRefOf(credentials),
        ),
      );
  });

  router.get('/surveys/:surveyId/comments', async (req, res) => {
    const credentials = await anyone(req);
    res.json(
      await surveys.comments(
        req.params.surveyId,
        {
          waveId: req.query.waveId,
          groupRef: req.query.groupRef,
          resolved: flag(req.query.resolved),
          tag: req.query.tag,
          limit: integer(req.query.limit),
          offset: integer(req.query.offset),
        },
        credentials,
        userRefOf(credentials),
      ),
    );
  });

  router.patch('/surveys/:surveyId/comments/:commentId', async (req, res) => {
    const comment = await write(
      req,
      'survey-comment-update',
      { surveyId: req.params.surveyId, commentId: req.params.commentId },
      async () => {
        const { credentials, userRef } = await person(req);
        return surveys.updateComment(
          req.params.surveyId,
          req.params.commentId,
          req.body,
          credentials,
          userRef,
        );
      },
    );
    res.json(comment);
  });
}
