export interface Config {
  flywheel?: {
    scaffolder?: {
      /**
       * The offline publishing route of `flywheel:publish:local`: scaffolded
       * services are copied under this directory (relative paths resolve from
       * the backend's working directory) and registered as `file` locations;
       * `flywheel:fetch:local` and `flywheel:publish:local` with `update: true`
       * read and rewrite them there. Leave unset in production, where
       * templates publish to a real SCM.
       */
      localPublish?: {
        directory?: string;
      };
    };
  };
}
