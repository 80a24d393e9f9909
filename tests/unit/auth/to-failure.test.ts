import { describe, expect, it } from 'vitest';
import { toFailure } from '@/lib/auth/mutation';
import { TemplateError } from '@/lib/templates/engine';
import { RouterConnectionError } from '@/lib/config/transport';
import { ServiceError } from '@/lib/errors';
import { MailSendError } from '@/lib/mail/send';

describe('toFailure', () => {
  it('says a router could not be reached, in its own words, as unavailable (503) rather than "something went wrong"', () => {
    expect(toFailure(new RouterConnectionError('auth', 'edge1 (192.0.2.1:22): the password was refused'), 'router.test')).toEqual({
      code: 'unavailable',
      message: 'edge1 (192.0.2.1:22): the password was refused',
    });
  });

  it('says the mail server refused, as unavailable', () => {
    expect(toFailure(new MailSendError('SMTP mail.test:2525: 550 relay denied'), 'notice.send')).toEqual({
      code: 'unavailable',
      message: 'The e-mail was not sent: SMTP mail.test:2525: 550 relay denied',
    });
  });

  it('answers a template error as a validation error with the template, line and column', () => {
    expect(toFailure(new TemplateError('undefined filter: nope', 3, 12, 'Our FRR'), 'session.configure')).toEqual({
      code: 'validation',
      message: 'Template "Our FRR": line 3, column 12: undefined filter: nope',
      at: { line: 3, column: 12 },
    });
    expect(toFailure(new TemplateError('the template is too long', null, null), 'template.preview')).toEqual({ code: 'validation', message: 'the template is too long' });
  });

  it('keeps a ServiceError as it is and hides anything else behind an error id', () => {
    expect(toFailure(new ServiceError('conflict', 'Taken', { name: 'Taken' }), 'x')).toEqual({ code: 'conflict', message: 'Taken', fields: { name: 'Taken' } });
    expect(toFailure(new Error('secret detail'), 'x')).toMatchObject({ code: 'internal', message: expect.stringMatching(/^Something went wrong \([0-9a-f]{8}\)$/) });
  });
});
