// The templates of the common counter notices in every language of guidanceLanguages.ts
// (issue 17). No machine translation: every text here was written by hand and stays
// 「テンプレート（未確認）」 until a person reviews it.

import { EASY_JAPANESE } from './guidanceLanguages.ts';

export interface GuidanceNotice {
  id: string;
  /** The notice in Japanese, as staff choose it. */
  ja: string;
  /** By language tag; every language of `guidanceLanguages` has one (a unit test checks). */
  texts: Readonly<Record<string, string>>;
}

export const guidanceNotices: readonly GuidanceNotice[] = [
  {
    id: 'delay',
    ja: 'ただいまシステム障害のため、手続きに時間がかかっています。ご迷惑をおかけして申し訳ありません。',
    texts: {
      [EASY_JAPANESE]:
        'いま　コンピューターが　うまく　うごきません。てつづきに　じかんが　かかります。すみません。',
      en: 'Due to a system failure, procedures are taking longer than usual. We apologize for the inconvenience.',
      'zh-CN': '由于系统故障，办理手续需要较长时间。给您带来不便，敬请谅解。',
      ko: '시스템 장애로 인해 수속에 시간이 걸리고 있습니다. 불편을 드려 죄송합니다.',
      vi: 'Do sự cố hệ thống, việc làm thủ tục đang mất nhiều thời gian hơn bình thường. Xin lỗi quý vị vì sự bất tiện này.',
      pt: 'Devido a uma falha no sistema, os procedimentos estão demorando mais do que o normal. Pedimos desculpas pelo transtorno.',
      es: 'Debido a una falla del sistema, los trámites están tardando más de lo habitual. Disculpe las molestias.',
      fil: 'Dahil sa problema sa sistema, mas matagal po ang pagproseso ng mga transaksyon. Paumanhin po sa abala.',
    },
  },
  {
    id: 'closedToday',
    ja: 'システム障害のため、本日はこの手続きの受付ができません。',
    texts: {
      [EASY_JAPANESE]: 'コンピューターが　うごきません。きょうは　この　てつづきが　できません。',
      en: 'Due to a system failure, we cannot accept this procedure today.',
      'zh-CN': '由于系统故障，今天无法受理此项手续。',
      ko: '시스템 장애로 인해 오늘은 이 수속을 접수할 수 없습니다.',
      vi: 'Do sự cố hệ thống, hôm nay chúng tôi không thể tiếp nhận thủ tục này.',
      pt: 'Devido a uma falha no sistema, hoje não podemos atender este procedimento.',
      es: 'Debido a una falla del sistema, hoy no podemos atender este trámite.',
      fil: 'Dahil sa problema sa sistema, hindi po namin matatanggap ang transaksyong ito ngayong araw.',
    },
  },
  {
    id: 'byPost',
    ja: '手続きの結果（証明書など）は、後日郵送します。',
    texts: {
      [EASY_JAPANESE]: 'てつづきの　しょるいは　あとで　ゆうびんで　おくります。',
      en: 'We will send you the result (such as certificates) by post at a later date.',
      'zh-CN': '办理结果（证明书等）将于日后邮寄给您。',
      ko: '수속 결과(증명서 등)는 추후 우편으로 보내 드리겠습니다.',
      vi: 'Kết quả thủ tục (giấy chứng nhận, v.v.) sẽ được gửi đến quý vị qua đường bưu điện sau.',
      pt: 'Enviaremos o resultado (certidões etc.) pelo correio posteriormente.',
      es: 'Le enviaremos el resultado (certificados, etc.) por correo más adelante.',
      fil: 'Ipapadala po namin sa koreo ang resulta (gaya ng sertipiko) sa ibang araw.',
    },
  },
  {
    id: 'urgent',
    ja: 'お急ぎの方は、窓口の職員にお声がけください。',
    texts: {
      [EASY_JAPANESE]: 'いそいで　いる　ひとは　まどぐちの　しょくいんに　いって　ください。',
      en: 'If your matter is urgent, please speak to a member of staff at the counter.',
      'zh-CN': '如有急事，请告知窗口工作人员。',
      ko: '급하신 분은 창구 직원에게 말씀해 주십시오.',
      vi: 'Nếu quý vị có việc gấp, vui lòng báo cho nhân viên tại quầy.',
      pt: 'Se for urgente, por favor, fale com um funcionário do balcão.',
      es: 'Si su asunto es urgente, por favor hable con el personal de la ventanilla.',
      fil: 'Kung kayo po ay nagmamadali, mangyaring makipag-usap sa kawani sa counter.',
    },
  },
];

/** The chosen notices in one language, one to a line: what 「テンプレートから入れる」 writes. */
export function templateText(lang: string, noticeIds: readonly string[]): string {
  return guidanceNotices
    .filter((n) => noticeIds.includes(n.id))
    .map((n) => n.texts[lang])
    .filter((t): t is string => Boolean(t))
    .join('\n');
}

/** The chosen notices in Japanese, one to a line. */
export function templateTextJa(noticeIds: readonly string[]): string {
  return guidanceNotices
    .filter((n) => noticeIds.includes(n.id))
    .map((n) => n.ja)
    .join('\n');
}
