import { type ProofLocale } from './proof-token.ts'

// The public proof page's words, in the locale the member chose when making the link. The page is
// rendered by the server for anyone (no app, no script), so its few messages live here rather than
// in the app's catalogs. {name} and {date} are filled in (and escaped) by proof-page.ts.

export type ProofText = {
  dir: 'ltr' | 'rtl'
  kicker: string
  unnamed: string
  valid: string
  earnedOn: string
  earned: string
  validUntil: string
  noExpiry: string
  how: string
  noDescription: string
  checked: string
  linkUntil: string
  notHeld: string
  revoked: string
  revokedOn: string
  lapsedOn: string
  expiredTitle: string
  expiredBody: string
  invalidTitle: string
  invalidBody: string
  unavailableTitle: string
  unavailableBody: string
  busyTitle: string
  busyBody: string
  ogValid: string
  ogNotHeld: string
  artAlt: string
}

export const proofText: Record<ProofLocale, ProofText> = {
  en: {
    dir: 'ltr',
    kicker: 'Badge proof',
    unnamed: 'A badge',
    valid: 'Valid',
    earnedOn: 'A member earned this badge on {date}.',
    earned: 'A member earned this badge.',
    validUntil: 'Valid until {date}.',
    noExpiry: 'It does not expire.',
    how: 'How it is earned',
    noDescription: 'No description was given.',
    checked: 'Checked live with the badge programme on {date}.',
    linkUntil: 'This link works until {date}.',
    notHeld: 'No longer held: the member does not hold this badge now.',
    revoked: 'No longer held: this badge was revoked.',
    revokedOn: 'No longer held: this badge was revoked on {date}.',
    lapsedOn: 'No longer held: this badge expired on {date}.',
    expiredTitle: 'This proof link has expired',
    expiredBody: 'It stopped working on {date}. Ask the member for a new link.',
    invalidTitle: 'This is not a valid proof link',
    invalidBody: 'The link is incomplete or has been changed. Ask the member for a new link.',
    unavailableTitle: 'This badge cannot be checked right now',
    unavailableBody:
      'The badge programme did not answer. Try again in a moment: this says nothing about the badge.',
    busyTitle: 'Too many checks from here',
    busyBody: 'This page was opened too often in a short time. Try again in a minute.',
    ogValid: 'A member earned this badge; open the link to check that it is still valid.',
    ogNotHeld: 'This badge is no longer held.',
    artAlt: 'The badge’s art',
  },
  fr: {
    dir: 'ltr',
    kicker: 'Preuve de badge',
    unnamed: 'Un badge',
    valid: 'Valide',
    earnedOn: 'Un membre a obtenu ce badge le {date}.',
    earned: 'Un membre a obtenu ce badge.',
    validUntil: 'Valide jusqu’au {date}.',
    noExpiry: 'Il n’expire pas.',
    how: 'Comment l’obtenir',
    noDescription: 'Aucune description n’a été donnée.',
    checked: 'Vérifié en direct auprès du programme de badges le {date}.',
    linkUntil: 'Ce lien fonctionne jusqu’au {date}.',
    notHeld: 'Plus détenu : le membre ne détient plus ce badge.',
    revoked: 'Plus détenu : ce badge a été révoqué.',
    revokedOn: 'Plus détenu : ce badge a été révoqué le {date}.',
    lapsedOn: 'Plus détenu : ce badge a expiré le {date}.',
    expiredTitle: 'Ce lien de preuve a expiré',
    expiredBody: 'Il ne fonctionne plus depuis le {date}. Demandez un nouveau lien au membre.',
    invalidTitle: 'Ce lien de preuve n’est pas valide',
    invalidBody: 'Le lien est incomplet ou a été modifié. Demandez un nouveau lien au membre.',
    unavailableTitle: 'Ce badge ne peut pas être vérifié pour le moment',
    unavailableBody:
      'Le programme de badges n’a pas répondu. Réessayez dans un instant : cela ne dit rien du badge.',
    ogValid:
      'Un membre a obtenu ce badge ; ouvrez le lien pour vérifier qu’il est toujours valide.',
    ogNotHeld: 'Ce badge n’est plus détenu.',
    busyTitle: 'Trop de vérifications depuis cet appareil',
    busyBody: 'Cette page a été ouverte trop souvent en peu de temps. Réessayez dans une minute.',
    artAlt: 'L’illustration du badge',
  },
  ar: {
    dir: 'rtl',
    kicker: 'إثبات شارة',
    unnamed: 'شارة',
    valid: 'صالحة',
    earnedOn: 'حصل أحد الأعضاء على هذه الشارة في {date}.',
    earned: 'حصل أحد الأعضاء على هذه الشارة.',
    validUntil: 'صالحة حتى {date}.',
    noExpiry: 'لا تنتهي صلاحيتها.',
    how: 'كيف تُكتسب',
    noDescription: 'لا يوجد وصف.',
    checked: 'تم التحقق منها مباشرة لدى برنامج الشارات في {date}.',
    linkUntil: 'يعمل هذا الرابط حتى {date}.',
    notHeld: 'لم تعد سارية: لا يحمل العضو هذه الشارة الآن.',
    revoked: 'لم تعد سارية: أُلغيت هذه الشارة.',
    revokedOn: 'لم تعد سارية: أُلغيت هذه الشارة في {date}.',
    lapsedOn: 'لم تعد سارية: انتهت صلاحية هذه الشارة في {date}.',
    expiredTitle: 'انتهت صلاحية رابط الإثبات هذا',
    expiredBody: 'توقف عن العمل في {date}. اطلب من العضو رابطًا جديدًا.',
    invalidTitle: 'هذا ليس رابط إثبات صالحًا',
    invalidBody: 'الرابط ناقص أو تم تغييره. اطلب من العضو رابطًا جديدًا.',
    unavailableTitle: 'لا يمكن التحقق من هذه الشارة الآن',
    unavailableBody: 'لم يستجب برنامج الشارات. حاول مرة أخرى بعد قليل: هذا لا يقول شيئًا عن الشارة.',
    busyTitle: 'عمليات تحقق كثيرة جدًا من هنا',
    busyBody: 'فُتحت هذه الصفحة مرات كثيرة في وقت قصير. حاول مرة أخرى بعد دقيقة.',
    ogValid: 'حصل أحد الأعضاء على هذه الشارة؛ افتح الرابط للتحقق من أنها لا تزال صالحة.',
    ogNotHeld: 'لم تعد هذه الشارة سارية.',
    artAlt: 'رسم الشارة',
  },
}
