import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils';
import { adminActor } from '../utils/actor';
import { validateCompleteStep, validateReopenStep, validateSkipStep, validateStepParam } from './validation/checklist';
import { emptyBody, noQuery } from './validation/common';

/** A blank note is no note; text is kept as typed, without the surrounding whitespace. */
const trimmed = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/** The organization's offboarding checklist: read, start, complete or skip the current step, reopen a finished one. */
const createChecklistController = ({ strapi }: { strapi: Core.Strapi }) => {
  const checklist = () => getService(strapi, 'checklist');

  return {
    async find(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await checklist().read(ctx.params.id) };
    },

    async start(ctx: Context) {
      await emptyBody(ctx.request.body);
      const data = await checklist().start(ctx.params.id, adminActor(ctx));
      ctx.status = 201;
      ctx.body = { data };
    },

    async complete(ctx: Context) {
      const { step } = await validateStepParam({ step: ctx.params.step });
      const { note } = await validateCompleteStep(ctx.request.body);
      ctx.body = { data: await checklist().complete(ctx.params.id, step, trimmed(note), adminActor(ctx)) };
    },

    async skip(ctx: Context) {
      const { step } = await validateStepParam({ step: ctx.params.step });
      const { reason } = await validateSkipStep(ctx.request.body);
      ctx.body = { data: await checklist().skip(ctx.params.id, step, reason.trim(), adminActor(ctx)) };
    },

    async reopen(ctx: Context) {
      const { step } = await validateStepParam({ step: ctx.params.step });
      const { reason } = await validateReopenStep(ctx.request.body);
      ctx.body = { data: await checklist().reopen(ctx.params.id, step, reason.trim(), adminActor(ctx)) };
    },
  };
};

export default createChecklistController;
