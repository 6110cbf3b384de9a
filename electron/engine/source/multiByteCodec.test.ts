/**
 * East Asian code pages: bytes made by iconv-lite's encoder (not the app's decoder), decoded in
 * chunks cut at every byte, must give the same text, and the bytes each piece of text took plus
 * the bytes held back must add up to the bytes read: the readers' offsets depend on it.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { MultiByteEncoding } from '../../../shared/encoding';
import { textCodecFor, INVALID_BYTES_MARK } from './textCodec';

const SAMPLES: Record<MultiByteEncoding, { iconv: string; text: string }> = {
  'euc-kr': { iconv: 'cp949', text: '집계일자,영업소명,총교통량\n20200101,서울,5711734\n20200102,부산 톨게이트,6487448\n' },
  gb18030: { iconv: 'gb18030', text: '日期,站点名称,车流量\n2024-01-01,北京东路口,1234\n2024-01-02,上海𠀀站,987\n' },
  big5: { iconv: 'cp950', text: '日期,測站名稱,車流量\n2024/01/01,臺北市信義路,1234\n2024/01/02,高雄港,987\n' },
  shift_jis: { iconv: 'shift_jis', text: '日付,地点名,交通量\n2024/01/01,東京ｲﾝﾀｰ,1234\n2024/01/02,大阪駅前,987\n' },
};

describe.each(Object.entries(SAMPLES) as [MultiByteEncoding, { iconv: string; text: string }][])('%s', (encoding, sample) => {
  const bytes = iconv.encode(sample.text, sample.iconv);
  const codec = textCodecFor(encoding);

  it('decodes what iconv-lite encoded, cut anywhere, and counts every byte', () => {
    expect(bytes.length).toBeGreaterThan(sample.text.length); // some characters took more than one byte
    for (let cut = 1; cut < bytes.length; cut++) {
      const decoder = codec.newDecoder();
      const first = decoder.write(bytes.subarray(0, cut));
      expect(codec.byteLength(first) + decoder.held, `cut at ${cut}`).toBe(cut);
      const rest = decoder.write(bytes.subarray(cut)) + decoder.end();
      expect(first + rest, `cut at ${cut}`).toBe(sample.text);
    }
    expect(codec.byteLength(sample.text)).toBe(bytes.length);
  });

  it('marks bytes that are not text in it, so their row is rejected naming the encoding', () => {
    const broken = Buffer.concat([bytes.subarray(0, 10), Buffer.from([0xff]), bytes.subarray(10)]);
    const decoder = codec.newDecoder();
    expect(decoder.write(broken) + decoder.end()).toContain(INVALID_BYTES_MARK);
    expect(codec.invalidReason).toContain(codec.label);
  });
});
