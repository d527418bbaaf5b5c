import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  randomUUID,
  sign,
} from 'node:crypto';

/**
 * Backstage user tokens for the benchmark's synthetic people, signed the way
 * @backstage/plugin-auth-backend signs them (ES256 JWT, `typ`
 * vnd.backstage.user, claims iss/sub/ent/aud/iat/exp and the `uip` identity
 * proof). {@link userTokenAuthPlugin} publishes the public key at
 * /api/auth/.well-known/jwks.json, so every request goes through the
 * backend's ordinary user-token verification (JWKS lookup, signature,
 * expiry); nothing in the plugin under test is bypassed.
 */
/** A signing key to share between processes. */
export interface BenchUserTokenKey {
  kid: string;
  privateKeyPem: string;
}

export class BenchUserTokens {
  private readonly privateKey: KeyObject;
  readonly jwks: { keys: Record<string, unknown>[] };

  private readonly kid: string;

  /**
   * @param key - a key from another instance's `exportKey()`, so several
   * backends (replicas) accept the same tokens; a new key otherwise.
   */
  constructor(private readonly issuer: string, key?: BenchUserTokenKey) {
    this.kid = key?.kid ?? randomUUID();
    this.privateKey = key
      ? createPrivateKey(key.privateKeyPem)
      : generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const publicJwk = createPublicKey(this.privateKey).export({
      format: 'jwk',
    });
    this.jwks = {
      keys: [{ ...publicJwk, kid: this.kid, alg: 'ES256', use: 'sig' }],
    };
  }

  private jwt(header: object, payload: object): string {
    const encode = (value: object) =>
      Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${encode(header)}.${encode(payload)}`;
    const signature = sign('sha256', Buffer.from(input), {
      key: this.privateKey,
      dsaEncoding: 'ieee-p1363',
    }).toString('base64url');
    return `${input}.${signature}`;
  }

  exportKey(): BenchUserTokenKey {
    return {
      kid: this.kid,
      privateKeyPem: this.privateKey
        .export({ format: 'pem', type: 'pkcs8' })
        .toString(),
    };
  }

  /** A user token for `userRef`, owning itself and `ownershipRefs`. */
  issue(userRef: string, ownershipRefs: string[] = [], ttlSeconds = 3600) {
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + ttlSeconds;
    // The user identity proof: the signature of the limited token.
    const limited = this.jwt(
      { typ: 'vnd.backstage.limited-user', alg: 'ES256', kid: this.kid },
      { sub: userRef, iat, exp },
    );
    const uip = limited.split('.')[2];
    return this.jwt(
      { typ: 'vnd.backstage.user', alg: 'ES256', kid: this.kid },
      {
        iss: this.issuer,
        sub: userRef,
        ent: [userRef, ...ownershipRefs],
        aud: 'backstage',
        iat,
        exp,
        uip,
      },
    );
  }
}

/**
 * A stand-in `auth` plugin that only publishes the public key of `tokens`,
 * where the backend looks for the auth backend's keys.
 */
export function userTokenAuthPlugin(tokens: BenchUserTokens) {
  return createBackendPlugin({
    pluginId: 'auth',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          httpRouter.use((req, res, next) => {
            if (req.method === 'GET' && req.path === '/.well-known/jwks.json') {
              res.json(tokens.jwks);
            } else {
              next();
            }
          });
          httpRouter.addAuthPolicy({
            path: '/.well-known',
            allow: 'unauthenticated',
          });
        },
      });
    },
  });
}
