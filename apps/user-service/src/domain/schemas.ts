/** Request and response schemas of the user routes (they type the handlers and the OpenAPI document). */
import { InterestList, VISIBLE_TEXT } from '@tripgen/service-kit';
import { Type, type Static } from 'typebox';
import { ACCOUNT_ERASURE, PACES, TOKEN_REVOCATIONS, TRAVEL_MODES } from '@tripgen/catalog';
import { PASSWORD_RULES } from './password-rules.ts';

// No pattern against NUL or lone surrogates (PostgreSQL cannot store them): the kit's validation refuses them in every string.
// A name is stored trimmed, so it needs one visible character (VISIBLE_TEXT).

/** An account's email as register and login read it; stored and looked up in lower case (auth.ts normalizeEmail). */
export const Email = Type.String({ format: 'email', maxLength: 254 });

export const RegisterBody = Type.Object(
  {
    email: Email,
    // The lengths only: the route applies the rest of the rules (password-rules.ts).
    password: Type.String(PASSWORD_RULES),
    name: Type.String({ minLength: 1, maxLength: 100, pattern: VISIBLE_TEXT }),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

// The email as register reads it (one schema): an email register refuses (surrounding spaces, no @) is a 400 here too,
// not a login of the account whose address it holds once trimmed.
export const LoginBody = Type.Object({ email: Email, password: Type.String({ maxLength: 128 }) }, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBody>;

/** A password change: the current one (as a login reads it) and the new one (as register reads it: the lengths here, the rest by the route, password-rules.ts). */
export const ChangePasswordBody = Type.Object({ currentPassword: LoginBody.properties.password, newPassword: RegisterBody.properties.password }, { additionalProperties: false });
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

/** The account's current password, asked again to delete it: a token alone (a stolen one) cannot erase an account. */
export const DeleteAccountBody = Type.Object({ password: LoginBody.properties.password }, { additionalProperties: false });
export type DeleteAccountBody = Static<typeof DeleteAccountBody>;

export const Pace = Type.Enum(PACES);
export const TravelMode = Type.Enum(TRAVEL_MODES);

export const Preferences = Type.Object(
  {
    // A trip without interests of its own is planned with these: a trip's interests, as the trip service takes them.
    // Unique as the catalog's interestKey reads them (the route refuses near-duplicates), each with a character that shows.
    interests: InterestList({ unique: true }),
    pace: Pace,
    travelMode: TravelMode,
  },
  { additionalProperties: false },
);
export type Preferences = Static<typeof Preferences>;

export const PublicUser = Type.Object({ id: Type.String({ format: 'uuid' }), email: Type.String(), name: Type.String() });

export const Me = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  name: Type.String(),
  preferences: Type.Union([Preferences, Type.Null()]),
});
export type Me = Static<typeof Me>;

export const TokenResponse = Type.Object({ accessToken: Type.String(), tokenType: Type.Literal('Bearer'), expiresIn: Type.Integer() });

export const Notification = Type.Object({
  id: Type.String(),
  type: Type.String(),
  payload: Type.Unknown(),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const NotificationList = Type.Object({ items: Type.Array(Notification) });

export const Jwks = Type.Object({ keys: Type.Array(Type.Object({}, { additionalProperties: true })) });

/** The trip service's question on the internal accounts route (catalog AccountsRequest): which of these ids were deleted. */
export const AccountsBody = Type.Object({ ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: ACCOUNT_ERASURE.batch }) }, { additionalProperties: false });
/** Its answer (catalog AccountsResponse): `deleted` has a deletion record and no account, `unknown` neither. */
export const AccountsAnswer = Type.Object({ deleted: Type.Array(Type.String({ format: 'uuid' })), unknown: Type.Array(Type.String({ format: 'uuid' })) });
/** The trip service's page query on the internal deletions route (catalog DeletionsQuery). */
export const DeletionsQuery = Type.Object(
  { after: Type.Optional(Type.String({ format: 'uuid' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: ACCOUNT_ERASURE.batch, default: ACCOUNT_ERASURE.batch })) },
  { additionalProperties: false },
);
/** Its answer (catalog DeletionsResponse). */
export const DeletionsAnswer = Type.Object({ deleted: Type.Array(Type.String({ format: 'uuid' })), next: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) });
/** The last instant a Date holds (ms since the epoch, ECMA-262 21.4.1.1): a later `since` became an Invalid Date the read failed on (500). */
const LAST_DATE_MS = 8.64e15;
/**
 * A page cursor of the revocations route: the last row's instant (ms), kind (a: account, s: session) and id.
 * At most 15 digits (year 33658): 16 reached past LAST_DATE_MS, an Invalid Date the page's query failed on (500).
 */
export const REVOCATION_CURSOR = /^(\d{1,15})\.([as])\.(.+)$/;
/** The verifiers' query on the internal revocations route (catalog RevocationsQuery): ms since the epoch. */
export const RevocationsQuery = Type.Object(
  {
    since: Type.Optional(Type.Integer({ minimum: 0, maximum: LAST_DATE_MS })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: TOKEN_REVOCATIONS.feedPageSize })),
    // The last row of the page before (revocation-records.ts revocationsPage).
    after: Type.Optional(Type.String({ pattern: REVOCATION_CURSOR.source, maxLength: 200 })),
  },
  { additionalProperties: false },
);
/** Its answer (catalog RevocationsResponse). */
export const RevocationsAnswer = Type.Object({
  accounts: Type.Array(Type.Object({ userId: Type.String({ format: 'uuid' }), at: Type.Number() })),
  sessions: Type.Array(Type.Object({ sessionId: Type.String(), at: Type.Number() })),
  next: Type.Optional(Type.String()),
});
