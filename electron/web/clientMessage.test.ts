import { describe, expect, it } from 'vitest';
import { decodeClientMessage } from './clientMessage';

describe('decodeClientMessage', () => {
  it('takes a well-formed invoke', () => {
    const text = Buffer.from(JSON.stringify({ type: 'invoke', id: 3, name: 'session:snapshot', args: {} }));
    expect(decodeClientMessage(text, false)).toEqual({ ok: true, message: { type: 'invoke', id: 3, name: 'session:snapshot', args: {} } });
  });

  it('names what is wrong with anything else, with the close code to use', () => {
    expect(decodeClientMessage(Buffer.from([0xc3, 0x28, 0xff]), false)).toEqual({ ok: false, code: 1007, reason: 'message is not valid UTF-8' });
    expect(decodeClientMessage(Buffer.from('{}'), true)).toMatchObject({ ok: false, code: 1003 });
    expect(decodeClientMessage(Buffer.from('{"type":'), false)).toEqual({ ok: false, code: 1003, reason: 'messages must be JSON' });
    expect(decodeClientMessage(Buffer.from('{"type":"invoke","id":"x"}'), false)).toEqual({ ok: false, code: 1003, reason: 'malformed message' });
    expect(decodeClientMessage([Buffer.from('[1,'), Buffer.from('2]')], false)).toMatchObject({ ok: false, reason: 'malformed message' });
  });
});
