// Laravel's `url` rule is Str::isUrl(): Symfony's UrlValidator pattern with Laravel's long list of
// registered schemes. So ftp:// or chrome-extension:// addresses pass too, while a bare
// "linkedin.com/jobs/1", "mailto:x@y.z" (no "//") or an address with a space fails. Ported from
// PCRE (flags i, x, u) to a JavaScript pattern; possessive quantifiers became greedy ones, which
// accept the same strings here because each repeated class excludes the character that ends it.

const SCHEMES =
  `aaa aaas about acap acct acd acr adiumxtra adt afp afs aim amss android appdata apt ark
attachment aw barion beshare bitcoin bitcoincash blob bolo browserext calculator callto cap cast casts
chrome chrome-extension cid coap coap+tcp coap+ws coaps coaps+tcp coaps+ws com-eventbrite-attendee
content conti crid cvs dab data dav diaspora dict did dis dlna-playcontainer dlna-playsingle dns dntp
dpp drm drop dtn dvb ed2k elsi example facetime fax feed feedready file filesystem finger
first-run-pen-experience fish fm ftp fuchsia-pkg geo gg git gizmoproject go gopher graph gtalk h323
ham hcap hcp http https hxxp hxxps hydrazone iax icap icon im imap info iotdisco ipn ipp ipps irc irc6
ircs iris iris.beep iris.lwz iris.xpc iris.xpcs isostore itms jabber jar jms keyparc lastfm ldap ldaps
leaptofrogans lorawan lvlt magnet mailserver mailto maps market message mid mms modem mongodb moz
ms-access ms-browser-extension ms-calculator ms-drive-to ms-enrollment ms-excel ms-eyecontrolspeech
ms-gamebarservices ms-gamingoverlay ms-getoffice ms-help ms-infopath ms-inputapp
ms-lockscreencomponent-config ms-media-stream-id ms-mixedrealitycapture ms-mobileplans ms-officeapp
ms-people ms-project ms-powerpoint ms-publisher ms-restoretabcompanion ms-screenclip ms-screensketch
ms-search ms-search-repair ms-secondary-screen-controller ms-secondary-screen-setup ms-settings
ms-settings-airplanemode ms-settings-bluetooth ms-settings-camera ms-settings-cellular
ms-settings-cloudstorage ms-settings-connectabledevices ms-settings-displays-topology
ms-settings-emailandaccounts ms-settings-language ms-settings-location ms-settings-lock
ms-settings-nfctransactions ms-settings-notifications ms-settings-power ms-settings-privacy
ms-settings-proximity ms-settings-screenrotation ms-settings-wifi ms-settings-workplace ms-spd
ms-sttoverlay ms-transit-to ms-useractivityset ms-virtualtouchpad ms-visio ms-walk-to ms-whiteboard
ms-whiteboard-cmd ms-word msnim msrp msrps mss mtqp mumble mupdate mvn news nfs ni nih nntp notes ocf
oid onenote onenote-cmd opaquelocktoken openpgp4fpr pack palm paparazzi payto pkcs11 platform pop pres
prospero proxy pwid psyc pttp qb query redis rediss reload res resource rmi rsync rtmfp rtmp rtsp rtsps
rtspu s3 secondlife service session sftp sgn shttp sieve simpleledger sip sips skype smb sms smtp snews
snmp soap.beep soap.beeps soldat spiffe spotify ssh steam stun stuns submit svn tag teamspeak tel
teliaeid telnet tftp tg things thismessage tip tn3270 tool ts3server turn turns tv udp unreal urn
ut2004 v-event vemmi ventrilo videotex vnc view-source wais webcal wpid ws wss wtai wyciwyg xcon
xcon-userid xfire xmlrpc.beep xmlrpc.beeps xmpp xri ymsgr z39.50 z39.50r z39.50s`
    .split(/\s+/)
    .map((s) => s.replace(/[+.]/g, '\\$&'))
    .join('|');

const H16 = '(?:[0-9a-f]{1,4})';
const DEC_OCTET = '(?:25[0-5]|(?:[1-9]|1[0-9]|2[0-4])?[0-9])';
const LS32 = `(?:(?:${H16}:${H16})|(?:(?:${DEC_OCTET}\\.){3}${DEC_OCTET}))`;
// The nine RFC 3986 IPv6address forms, as in Symfony's pattern.
const IPV6 = [
  `(?:(?:${H16}:){6})${LS32}`,
  `::(?:${H16}:){5}${LS32}`,
  `(?:${H16})?::(?:${H16}:){4}${LS32}`,
  `(?:(?:${H16}:){0,1}${H16})?::(?:${H16}:){3}${LS32}`,
  `(?:(?:${H16}:){0,2}${H16})?::(?:${H16}:){2}${LS32}`,
  `(?:(?:${H16}:){0,3}${H16})?::${H16}:${LS32}`,
  `(?:(?:${H16}:){0,4}${H16})?::${LS32}`,
  `(?:(?:${H16}:){0,5}${H16})?::${H16}`,
  `(?:(?:${H16}:){0,6}${H16})?::`,
]
  .map((form) => `(?:${form})`)
  .join('|');

const URL_PATTERN = new RegExp(
  [
    `^(${SCHEMES})://`,
    String.raw`(((?:[_.\p{L}\p{N}-]|%[0-9A-Fa-f]{2})+:)?((?:[_.\p{L}\p{N}-]|%[0-9A-Fa-f]{2})+)@)?`,
    '(',
    String.raw`(?:(?:(?:[\p{L}\p{N}\p{S}\p{M}\-_]+\.)+(?:(?:xn--[a-z0-9-]+)|(?:[\p{L}\p{N}\p{M}]+)))|[a-z0-9\-_]+)\.?`,
    String.raw`|\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}`,
    String.raw`|\[(?:${IPV6})\]`,
    ')',
    '(:[0-9]+)?',
    String.raw`(?:/(?:[\p{L}\p{N}\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)*`,
    String.raw`(?:\?(?:[\p{L}\p{N}\-._~!$&'\[\]()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?`,
    String.raw`(?:#(?:[\p{L}\p{N}\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?$`,
  ].join(''),
  'iu',
);

export function isLaravelUrl(value: unknown): boolean {
  return typeof value === 'string' && URL_PATTERN.test(value);
}
