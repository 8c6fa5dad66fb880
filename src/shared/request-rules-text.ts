/**
 * The English wording of every request rule, as templates with {{param}} slots (i18next's
 * syntax). request-rules fills them for plain-text consumers; the client's English messages are
 * these same templates, and its Chinese ones use the same slots.
 */
export const RULE_TEXT = {
  notAnObject: {
    message: 'The request body is {{value}}, not a JSON object; Volcengine cannot read it (InvalidParameter.Unmarshal).',
    fix: 'Send one JSON object with AppId, RoomId, TaskId and the task fields.',
  },
  missingRequired: {
    message: '{{field}} is required; without it Volcengine answers MissingParameter.',
    fix: 'Add {{field}}.',
  },
  idNotString: {
    message: '{{field}} must be a string; got {{value}} (InvalidParameter).',
    fix: 'Write {{field}} as a JSON string in quotes.',
  },
  idTooLong: {
    message: '{{field}} is {{length}} characters long; the limit is 128 (InvalidParameter).',
    fix: 'Shorten {{field}} to at most 128 characters of a-z, A-Z, 0-9, _ @ . -',
  },
  idCharset: {
    message: '{{field}} contains {{found}}; only letters, digits and _ @ . - are allowed (InvalidParameter).',
    fix: 'Remove or replace those characters in {{field}}.',
  },
  pushUrlNotRtmp: {
    message: 'PushURL {{url}} is not an rtmp:// address; Volcengine pushes to a CDN over RTMP only (InvalidParameter.InvalidRtmpAddress).',
    fix: "Use your CDN's RTMP push address: rtmp://host/app/stream-key.",
  },
  notUpdatable: {
    message: 'UpdatePushMixedStreamToCDN has no {{field}}: it cannot be changed on a running task and is ignored.',
    fix: 'Remove {{field}}; to change it, stop the task and start a new one.',
  },
  sequenceNumberMissing: {
    message: 'The update has no SequenceNumber. Volcengine expects it to increase with every update of a task, so that an update that arrives late cannot overwrite a newer one.',
    fix: "Send SequenceNumber, greater than the last update's.",
  },
  sequenceNumberInvalid: {
    message: 'SequenceNumber must be a non-negative Int32; got {{value}} (InvalidParameter).',
    fix: 'Use a whole number from 0 to 2147483647 that increases with each update.',
  },
  partialFlagInvalid: {
    message: 'IsUpdatePartialParam must be true or false; got {{value}} (InvalidParameter).',
    fix: 'Write true for a partial update, or false (the default) to replace every section.',
  },
  fullUpdateOmits: {
    message: 'This is a full update (IsUpdatePartialParam is false or absent): {{fields}} not in the body go back to their defaults.',
    fix: 'Send every section you want to keep, or set IsUpdatePartialParam to true and send only what changes.',
  },
  streamListInvalid: {
    message: '{{field}} must be an object with a StreamList list; got {{value}} (InvalidParameter).',
    fix: 'Write {{field}} as {"StreamList": [{"UserId": "…", "Index": 0}]}.',
  },
  streamInvalid: {
    message: '{{field}} must be a stream object with a UserId; got {{value}} (InvalidParameter).',
    fix: 'Write each stream as {"UserId": "…", "Index": 0, "StreamType": 0}.',
  },
  streamUserIdInvalid: {
    message: '{{field}} must be a UserId of 1 to 128 characters of a-z, A-Z, 0-9, _ @ . -; got {{value}} (InvalidParameter).',
    fix: 'Give the UserId of the user who publishes this stream.',
  },
  streamIndexInvalid: {
    message: '{{field}} must be a non-negative integer; got {{value}} (InvalidParameter).',
    fix: "Number the streams 0, 1, 2, … and use the same numbers as the regions' StreamIndex.",
  },
  duplicateIndex: {
    message: 'Index {{index}} appears more than once in {{field}}; each Index must be unique (InvalidParameter).',
    fix: 'Give each stream its own Index.',
  },
  tooManyStreams: {
    message: 'TargetStreams has {{count}} streams; LayoutMode {{mode}} mixes at most {{max}} (InvalidParameter).',
    fix: 'Remove streams until there are at most {{max}}.',
  },
  tooManyRegions: {
    message: 'The custom layout has {{count}} regions; at most {{max}} are allowed (InvalidParameter).',
    fix: 'Remove regions until there are at most {{max}}.',
  },
  regionUnmatched: {
    message: 'The region with StreamIndex {{streamIndex}} matches no TargetStreams Index. Regions must map one-to-one to TargetStreams indexes, so Volcengine rejects the request with InvalidParameter.',
    fix: 'Add a TargetStreams entry with Index {{streamIndex}}, or change StreamIndex to an Index that exists.',
  },
  targetWithoutRegion: {
    message: 'The target stream {{userId}} (Index {{index}}) has no region. In a custom layout every TargetStreams entry needs exactly one region (InvalidParameter).',
    fix: 'Add a region with StreamIndex {{index}}, or remove the stream from TargetStreams.',
  },
  targetWithoutIndex: {
    message: 'The target stream {{userId}} has no Index, so no region can refer to it; a custom layout needs one region per stream (InvalidParameter).',
    fix: 'Give the stream an Index and add a region with that StreamIndex.',
  },
  duplicateStreamIndex: {
    message: '{{count}} regions use StreamIndex {{streamIndex}}; each stream gets exactly one region (InvalidParameter).',
    fix: 'Keep one region per StreamIndex.',
  },
  regionsNotList: {
    message: '{{field}} must be a list of regions; got {{value}} (InvalidParameter).',
    fix: 'Write {{field}} as [{"StreamIndex": 0, …}, …].',
  },
  regionNotObject: {
    message: '{{field}} must be a region object; got {{value}} (InvalidParameter).',
    fix: 'Write each region as {"StreamIndex": 0, "LocationX": …, …}.',
  },
  regionRequired: {
    message: '{{field}} is required in every region (InvalidParameter).',
    fix: 'Add {{field}} within {{range}}.',
  },
  regionValueInvalid: {
    message: '{{field}} is {{value}}, outside {{range}}; Volcengine rejects a region position or size out of range with InvalidParameter.',
    fix: 'Use a value within {{range}}.',
  },
  regionNotInteger: {
    message: '{{field}} is {{value}}; API version {{version}} takes whole canvas pixels (InvalidParameter).',
    fix: 'Round {{field}} to a whole number of pixels within {{range}}.',
  },
  regionPixelsAsRatio: {
    message: '{{field}} is {{value}}, but API version 2020-12-01 places regions with ratios of the canvas in {{range}}: this looks like pixels (InvalidParameter).',
    fix: 'Divide by the canvas size ({{canvas}}), or send the request as version 2023-06-01 or later, which takes pixels.',
  },
  valueOutOfRange: {
    message: '{{field}} is {{value}}, outside {{range}}. Volcengine does not reject it: it resets it to the default, {{default}}.',
    fix: 'Use a value within {{range}}, or leave {{field}} out to get the default.',
  },
  valueNotInteger: {
    message: '{{field}} is {{value}}, but the API declares it a whole number (Int32): Volcengine cannot read a fraction there and rejects the request (InvalidParameter).',
    fix: 'Send a whole number, such as {{whole}}.',
  },
  businessIdNotString: {
    message: 'BusinessId must be a string; got {{value}} (InvalidParameter).',
    fix: 'Write BusinessId as a JSON string in quotes, or leave it out.',
  },
  seiUuidMissing: {
    message: '{{field}} is missing, but SEIPayLoadType is 5, which needs it (InvalidParameter).',
    fix: 'Add {{field}}: 32 hexadecimal characters (0-9, a-f), without dashes. Or use SEIPayLoadType 100, which needs no UUID.',
  },
  seiUuidInvalid: {
    message: '{{field}} is {{value}}, not 32 hexadecimal characters; with SEIPayLoadType 5 Volcengine rejects it (InvalidParameter).',
    fix: 'Write exactly 32 characters of 0-9, a-f or A-F, without dashes.',
  },
  seiUuidIgnored: {
    message: '{{field}} is set, but SEIPayLoadType is {{type}}: the UUID is used only with payload type 5, so Volcengine ignores it.',
    fix: 'Remove {{field}}, or set SEIPayLoadType to 5 if you meant to use it.',
  },
  valueOdd: {
    message: '{{field}} is {{value}}, an odd number; it must be even, so Volcengine resets it to the default, {{default}}.',
    fix: 'Use an even number such as {{even}}.',
  },
  valueWrongType: {
    message: '{{field}} should be of type {{type}}; got {{value}}. Volcengine resets it to the default, {{default}}.',
    fix: 'Write {{field}} as a JSON {{type}}.',
  },
  valueBadFormat: {
    message: '{{field}} is {{value}}, not of the form {{format}}. Volcengine resets it to the default, {{default}}.',
    fix: 'Write {{field}} as {{format}}.',
  },
  valueTooLong: {
    message: '{{field}} is {{length}} characters long; at most {{max}} are allowed, so Volcengine drops it.',
    fix: 'Shorten {{field}} to at most {{max}} characters.',
  },
  notPerpendicular: {
    message: 'The Forward, Right and Up vectors of {{field}} are not mutually perpendicular, so Volcengine uses the default orientation.',
    fix: 'Use perpendicular vectors, e.g. Forward [1,0,0], Right [0,1,0], Up [0,0,1].',
  },
  notInVersion: {
    message: 'API version {{version}} has no {{field}}; it is ignored.',
    fix: 'Remove {{field}}, or send the request with an API version that has it.',
  },
  unknownField: {
    message: '{{field}} is not a documented field here; Volcengine ignores it.',
    fix: 'Check the spelling against the API reference, or remove it.',
  },
  unknownFieldSuggest: {
    message: '{{field}} is not a documented field here; did you mean {{suggestion}}? As written, it is ignored.',
    fix: 'Rename it to {{suggestion}}.',
  },
  customLayoutIgnored: {
    message: 'Layout.CustomLayout is set but LayoutMode is {{mode}}, not 2 (custom): its regions are ignored and a template is drawn instead.',
    fix: 'Set LayoutMode to 2 to use these regions, or remove CustomLayout.',
  },
} as const satisfies Record<string, { message: string; fix: string }>;

export type RuleCode = keyof typeof RULE_TEXT;

/** Fills {{name}} slots; a slot without a value stays visible rather than vanishing. */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (slot, name: string) => (name in params ? String(params[name]) : slot));
}
