import {
  parseEntityRefOrThrow,
  parseFullRef,
  parseRefOfKind,
} from './entityRefs';

describe('entity refs from user input', () => {
  it('parses refs', () => {
    expect(parseFullRef('Component:default/Checkout', 'entityRef')).toBe(
      'component:default/checkout',
    );
    expect(parseRefOfKind('user:default/ada', 'user', 'userRef')).toBe(
      'user:default/ada',
    );
  });

  // parseEntityRef takes any character; PostgreSQL cannot even compare
  // text with U+0000 (a 500), and a lone surrogate names nothing.
  it.each(['user:default/ada\u0000', 'user:default/a\ud800da'])(
    'refuses %j as InputError',
    value => {
      for (const parse of [
        () => parseFullRef(value, 'userRef'),
        () => parseRefOfKind(value, 'user', 'userRef'),
        () => parseEntityRefOrThrow(value, 'userRef'),
      ]) {
        expect(parse).toThrow(
          expect.objectContaining({
            name: 'InputError',
            message: expect.stringMatching(/^userRef must be an entity ref/),
          }),
        );
      }
    },
  );
});
