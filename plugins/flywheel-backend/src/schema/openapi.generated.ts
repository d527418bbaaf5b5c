// Generated from openapi.yaml by scripts/openapi.js: do not edit.
/* eslint-disable */
export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "flywheel",
    "version": "1",
    "description": "The Flywheel REST API, mounted at /api/flywheel. Every endpoint except /health requires Backstage credentials. Entity refs travel in query strings or bodies, never in path segments.",
    "license": {
      "name": "Apache-2.0",
      "url": "http://www.apache.org/licenses/LICENSE-2.0.html"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "components": {
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "name",
              "message"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            }
          },
          "request": {
            "type": "object"
          },
          "response": {
            "type": "object"
          }
        }
      },
      "GoldenPathService": {
        "type": "object",
        "required": [
          "entityRef",
          "title",
          "drifted"
        ],
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "owner": {
            "type": "string"
          },
          "templateRef": {
            "type": "string"
          },
          "templateVersion": {
            "type": "string"
          },
          "createdAt": {
            "type": "string"
          },
          "drifted": {
            "type": "boolean"
          }
        }
      },
      "MonthlyCount": {
        "type": "object",
        "required": [
          "month",
          "count"
        ],
        "additionalProperties": false,
        "properties": {
          "month": {
            "type": "string",
            "pattern": "^\\d{4}-\\d{2}$"
          },
          "count": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "GoldenPathSummary": {
        "type": "object",
        "required": [
          "templateRef",
          "name",
          "title",
          "tags",
          "servicesCreated",
          "adoptionPercent",
          "runs",
          "medianCreationSeconds",
          "drifted",
          "creationsByMonth"
        ],
        "additionalProperties": false,
        "properties": {
          "templateRef": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "owner": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "tags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "version": {
            "type": "string"
          },
          "changelog": {
            "type": "string"
          },
          "servicesCreated": {
            "type": "integer",
            "minimum": 0
          },
          "adoptionPercent": {
            "type": "number"
          },
          "runs": {
            "type": "object",
            "required": [
              "total",
              "succeeded",
              "failed",
              "successRate"
            ],
            "additionalProperties": false,
            "properties": {
              "total": {
                "type": "integer"
              },
              "succeeded": {
                "type": "integer"
              },
              "failed": {
                "type": "integer"
              },
              "successRate": {
                "type": [
                  "number",
                  "null"
                ]
              }
            }
          },
          "medianCreationSeconds": {
            "type": [
              "number",
              "null"
            ]
          },
          "drifted": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GoldenPathService"
            }
          },
          "creationsByMonth": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MonthlyCount"
            }
          }
        }
      },
      "GoldenPathsResponse": {
        "type": "object",
        "required": [
          "items",
          "totals"
        ],
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GoldenPathSummary"
            }
          },
          "totals": {
            "type": "object",
            "required": [
              "components",
              "fromGoldenPaths",
              "adoptionPercent"
            ],
            "additionalProperties": false,
            "properties": {
              "components": {
                "type": "integer"
              },
              "fromGoldenPaths": {
                "type": "integer"
              },
              "adoptionPercent": {
                "type": "number"
              }
            }
          }
        }
      },
      "GroupAdoptionResponse": {
        "type": "object",
        "required": [
          "groupRef",
          "groupRefs",
          "totalComponents",
          "fromGoldenPaths",
          "adoptionPercent",
          "paths",
          "components"
        ],
        "additionalProperties": false,
        "properties": {
          "groupRef": {
            "type": "string"
          },
          "groupRefs": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "totalComponents": {
            "type": "integer"
          },
          "fromGoldenPaths": {
            "type": "integer"
          },
          "adoptionPercent": {
            "type": "number"
          },
          "paths": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "templateRef",
                "title",
                "count",
                "percent"
              ],
              "additionalProperties": false,
              "properties": {
                "templateRef": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "count": {
                  "type": "integer"
                },
                "percent": {
                  "type": "number"
                }
              }
            }
          },
          "components": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GoldenPathService"
            }
          }
        }
      },
      "EntityProvenanceResponse": {
        "type": "object",
        "required": [
          "entityRef",
          "fromTemplate",
          "isGoldenPath",
          "drifted"
        ],
        "additionalProperties": false,
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "fromTemplate": {
            "type": "boolean"
          },
          "templateRef": {
            "type": "string"
          },
          "isGoldenPath": {
            "type": "boolean"
          },
          "templateTitle": {
            "type": "string"
          },
          "templateVersion": {
            "type": "string"
          },
          "currentVersion": {
            "type": "string"
          },
          "drifted": {
            "type": "boolean"
          },
          "createdAt": {
            "type": "string"
          }
        }
      },
      "RecordRunRequest": {
        "type": "object",
        "required": [
          "taskId",
          "templateRef",
          "outcome"
        ],
        "additionalProperties": false,
        "properties": {
          "taskId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "templateRef": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "templateVersion": {
            "type": "string",
            "maxLength": 64
          },
          "entityRef": {
            "type": "string",
            "maxLength": 255
          },
          "ownerRef": {
            "type": "string",
            "maxLength": 255
          },
          "startedAt": {
            "type": "string",
            "format": "date-time"
          },
          "completedAt": {
            "type": "string",
            "format": "date-time"
          },
          "outcome": {
            "type": "string",
            "enum": [
              "succeeded",
              "failed"
            ]
          }
        }
      },
      "CheckStateCounts": {
        "type": "object",
        "required": [
          "pass",
          "warn",
          "fail",
          "not-applicable",
          "unknown",
          "exempt"
        ],
        "additionalProperties": false,
        "properties": {
          "pass": {
            "type": "integer"
          },
          "warn": {
            "type": "integer"
          },
          "fail": {
            "type": "integer"
          },
          "not-applicable": {
            "type": "integer"
          },
          "unknown": {
            "type": "integer"
          },
          "exempt": {
            "type": "integer"
          }
        }
      },
      "LevelDistribution": {
        "type": "object",
        "description": "Level id, or `none`, to the number of entities.",
        "additionalProperties": {
          "type": "integer"
        }
      },
      "ScorecardInfo": {
        "type": "object",
        "required": [
          "id",
          "title",
          "levels",
          "checks",
          "source"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "owner": {
            "type": "string"
          },
          "source": {
            "type": "string",
            "enum": [
              "config",
              "default"
            ]
          },
          "levels": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "id",
                "title"
              ],
              "additionalProperties": false,
              "properties": {
                "id": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "description": {
                  "type": "string"
                }
              }
            }
          },
          "checks": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "id",
                "title",
                "type",
                "level",
                "weight",
                "severity"
              ],
              "additionalProperties": false,
              "properties": {
                "id": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "description": {
                  "type": "string"
                },
                "type": {
                  "type": "string"
                },
                "level": {
                  "type": "string"
                },
                "category": {
                  "type": "string"
                },
                "weight": {
                  "type": "number"
                },
                "severity": {
                  "type": "string",
                  "enum": [
                    "error",
                    "warn"
                  ]
                },
                "howToFix": {
                  "type": "string",
                  "description": "Short text on how to make the check pass. A value that is only an http(s) URL (older configurations) is a link."
                },
                "howToFixUrl": {
                  "type": "string",
                  "description": "Where to read how to make the check pass, an absolute http(s) URL or a path in the Backstage app starting with `/` (e.g. `/create`)."
                }
              }
            }
          }
        }
      },
      "EntityScorecardResult": {
        "type": "object",
        "required": [
          "scorecardId",
          "entityRef",
          "score",
          "counts",
          "checks",
          "evaluatedAt"
        ],
        "additionalProperties": false,
        "properties": {
          "scorecardId": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "ownerRef": {
            "type": "string"
          },
          "level": {
            "type": "string"
          },
          "score": {
            "type": [
              "number",
              "null"
            ]
          },
          "counts": {
            "$ref": "#/components/schemas/CheckStateCounts"
          },
          "evaluatedAt": {
            "type": "string"
          },
          "checks": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "checkId",
                "state",
                "reason"
              ],
              "additionalProperties": false,
              "properties": {
                "checkId": {
                  "type": "string"
                },
                "state": {
                  "type": "string",
                  "enum": [
                    "pass",
                    "warn",
                    "fail",
                    "not-applicable",
                    "unknown",
                    "exempt"
                  ]
                },
                "reason": {
                  "type": "string"
                },
                "value": {
                  "type": [
                    "string",
                    "number",
                    "boolean",
                    "null"
                  ]
                }
              }
            }
          }
        }
      },
      "ScorecardRollup": {
        "type": "object",
        "required": [
          "scorecardId",
          "entityCount",
          "averageScore",
          "levels",
          "checks",
          "subTeams"
        ],
        "additionalProperties": false,
        "properties": {
          "scorecardId": {
            "type": "string"
          },
          "entityCount": {
            "type": "integer"
          },
          "averageScore": {
            "type": [
              "number",
              "null"
            ]
          },
          "levels": {
            "$ref": "#/components/schemas/LevelDistribution"
          },
          "checks": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "checkId",
                "counts",
                "passRate"
              ],
              "additionalProperties": false,
              "properties": {
                "checkId": {
                  "type": "string"
                },
                "counts": {
                  "$ref": "#/components/schemas/CheckStateCounts"
                },
                "passRate": {
                  "type": [
                    "number",
                    "null"
                  ]
                }
              }
            }
          },
          "subTeams": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "groupRef",
                "entityCount",
                "averageScore",
                "levels",
                "checks"
              ],
              "additionalProperties": false,
              "properties": {
                "groupRef": {
                  "type": "string"
                },
                "entityCount": {
                  "type": "integer"
                },
                "averageScore": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "levels": {
                  "$ref": "#/components/schemas/LevelDistribution"
                },
                "checks": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "checkId",
                      "passRate"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "checkId": {
                        "type": "string"
                      },
                      "passRate": {
                        "type": [
                          "number",
                          "null"
                        ]
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "ScorecardExemption": {
        "type": "object",
        "required": [
          "id",
          "entityRef",
          "scorecardId",
          "checkId",
          "justification",
          "requestedBy",
          "requestedAt",
          "expiresAt",
          "status",
          "expired"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "scorecardId": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "justification": {
            "type": "string"
          },
          "requestedBy": {
            "type": "string"
          },
          "requestedAt": {
            "type": "string"
          },
          "expiresAt": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "pending",
              "approved",
              "rejected",
              "revoked"
            ]
          },
          "decidedBy": {
            "type": "string"
          },
          "decidedAt": {
            "type": "string"
          },
          "decisionNote": {
            "type": "string"
          },
          "revokedBy": {
            "type": "string"
          },
          "revokedAt": {
            "type": "string"
          },
          "revokeNote": {
            "type": "string"
          },
          "expired": {
            "type": "boolean"
          }
        }
      }
    },
    "responses": {
      "ErrorResponse": {
        "description": "An error, with a message a person can act on.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "parameters": {
      "groupRef": {
        "name": "groupRef",
        "in": "query",
        "required": true,
        "description": "Entity ref of a Group, e.g. group:default/payments.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "entityRef": {
        "name": "entityRef",
        "in": "query",
        "required": true,
        "description": "Entity ref, e.g. component:default/checkout-api.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "scorecardId": {
        "name": "scorecardId",
        "in": "query",
        "required": true,
        "description": "Id of a scorecard, e.g. golden-path-adoption.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 100
        }
      }
    }
  },
  "paths": {
    "/health": {
      "get": {
        "operationId": "GetHealth",
        "description": "Liveness check; needs no credentials.",
        "responses": {
          "200": {
            "description": "The plugin is up.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "status"
                  ],
                  "properties": {
                    "status": {
                      "type": "string",
                      "enum": [
                        "ok"
                      ]
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/golden-paths": {
      "get": {
        "operationId": "ListGoldenPaths",
        "description": "Every golden path with its adoption, runs, creation time and drift.",
        "responses": {
          "200": {
            "description": "The golden paths.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GoldenPathsResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/golden-paths/adoption": {
      "get": {
        "operationId": "GetGroupAdoption",
        "description": "Golden-path adoption of a team including all its sub-teams, per path and overall, with the components behind the numbers.",
        "parameters": [
          {
            "$ref": "#/components/parameters/groupRef"
          }
        ],
        "responses": {
          "200": {
            "description": "Adoption in the group's scope.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GroupAdoptionResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/golden-paths/provenance": {
      "get": {
        "operationId": "GetEntityProvenance",
        "description": "Which golden path an entity came from, its version and whether it has drifted.",
        "parameters": [
          {
            "$ref": "#/components/parameters/entityRef"
          }
        ],
        "responses": {
          "200": {
            "description": "The entity's provenance.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityProvenanceResponse"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/golden-paths/runs": {
      "post": {
        "operationId": "RecordRun",
        "description": "Records one scaffolder run of a golden path. Idempotent per taskId. The user is taken from the credentials.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RecordRunRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Recorded.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "taskId"
                  ],
                  "properties": {
                    "taskId": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards": {
      "get": {
        "operationId": "ListScorecards",
        "description": "Every scorecard with its levels and checks.",
        "responses": {
          "200": {
            "description": "The scorecards.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ScorecardInfo"
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards/results": {
      "get": {
        "operationId": "GetEntityResults",
        "description": "The latest result of every scorecard that applies to an entity, each check with its reason.",
        "parameters": [
          {
            "$ref": "#/components/parameters/entityRef"
          }
        ],
        "responses": {
          "200": {
            "description": "The entity's results.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "entityRef",
                    "results"
                  ],
                  "properties": {
                    "entityRef": {
                      "type": "string"
                    },
                    "results": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/EntityScorecardResult"
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards/refresh": {
      "post": {
        "operationId": "RefreshEntity",
        "description": "Re-evaluates one entity's scorecards now and returns the new results.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "entityRef"
                ],
                "properties": {
                  "entityRef": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 255
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The entity's new results.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "entityRef",
                    "results"
                  ],
                  "properties": {
                    "entityRef": {
                      "type": "string"
                    },
                    "results": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/EntityScorecardResult"
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards/rollup": {
      "get": {
        "operationId": "GetGroupRollup",
        "description": "Every scorecard (or one) rolled up over a team and all its sub-teams (its direct sub-teams as `subTeams`), or without `groupRef` over the whole catalog (the top-level groups as `subTeams`; entities without a group owner count in the totals only). Served from per-owner aggregates, cached until results change.",
        "parameters": [
          {
            "name": "groupRef",
            "in": "query",
            "required": false,
            "description": "Entity ref of a Group, e.g. group:default/payments. Absent for the whole catalog.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1
            }
          },
          {
            "name": "scorecardId",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 100
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The rollups.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "rollups"
                  ],
                  "properties": {
                    "groupRef": {
                      "type": "string"
                    },
                    "rollups": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ScorecardRollup"
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards/leaderboard": {
      "get": {
        "operationId": "GetLeaderboard",
        "description": "Every team (its subtree included) for one scorecard, best average score first.",
        "parameters": [
          {
            "$ref": "#/components/parameters/scorecardId"
          }
        ],
        "responses": {
          "200": {
            "description": "The leaderboard.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "scorecardId",
                    "items"
                  ],
                  "properties": {
                    "scorecardId": {
                      "type": "string"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "required": [
                          "groupRef",
                          "depth",
                          "entityCount",
                          "averageScore",
                          "levels"
                        ],
                        "properties": {
                          "groupRef": {
                            "type": "string"
                          },
                          "parentRef": {
                            "type": "string",
                            "description": "The parent group; absent for a top-level group."
                          },
                          "depth": {
                            "type": "integer",
                            "description": "0 for a top-level group, 1 for its sub-teams, and so on."
                          },
                          "entityCount": {
                            "type": "integer"
                          },
                          "averageScore": {
                            "type": [
                              "number",
                              "null"
                            ]
                          },
                          "levels": {
                            "$ref": "#/components/schemas/LevelDistribution"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards/history": {
      "get": {
        "operationId": "GetHistory",
        "description": "Daily snapshots of a scorecard for an entity, a team (sub-teams included) or the whole catalog.",
        "parameters": [
          {
            "$ref": "#/components/parameters/scorecardId"
          },
          {
            "name": "scope",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "enum": [
                "entity",
                "group",
                "scorecard"
              ]
            }
          },
          {
            "name": "ref",
            "in": "query",
            "required": false,
            "description": "The entity or group ref; required unless scope is scorecard.",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "days",
            "in": "query",
            "required": false,
            "description": "How many days back, 1–730 (default 90).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 730
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The history, oldest day first.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "scorecardId",
                    "scope",
                    "points"
                  ],
                  "properties": {
                    "scorecardId": {
                      "type": "string"
                    },
                    "scope": {
                      "type": "string"
                    },
                    "ref": {
                      "type": "string"
                    },
                    "points": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": [
                          "day",
                          "entityCount",
                          "averageScore",
                          "passRate",
                          "levels"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "day": {
                            "type": "string"
                          },
                          "entityCount": {
                            "type": "integer"
                          },
                          "averageScore": {
                            "type": [
                              "number",
                              "null"
                            ]
                          },
                          "passRate": {
                            "type": [
                              "number",
                              "null"
                            ]
                          },
                          "levels": {
                            "$ref": "#/components/schemas/LevelDistribution"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards/entities": {
      "get": {
        "operationId": "ListEntityResults",
        "description": "The results of every entity of a scorecard, optionally in a team's subtree; as JSON pages or, with format=csv, a CSV export.",
        "parameters": [
          {
            "$ref": "#/components/parameters/scorecardId"
          },
          {
            "name": "groupRef",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000
            }
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          },
          {
            "name": "format",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "json",
                "csv"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of results, or the CSV export of all of them.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "items",
                    "totalCount"
                  ],
                  "properties": {
                    "totalCount": {
                      "type": "integer"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": [
                          "scorecardId",
                          "entityRef",
                          "score",
                          "counts",
                          "evaluatedAt"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "scorecardId": {
                            "type": "string"
                          },
                          "entityRef": {
                            "type": "string"
                          },
                          "ownerRef": {
                            "type": "string"
                          },
                          "level": {
                            "type": "string"
                          },
                          "score": {
                            "type": [
                              "number",
                              "null"
                            ]
                          },
                          "counts": {
                            "$ref": "#/components/schemas/CheckStateCounts"
                          },
                          "evaluatedAt": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards/exemptions": {
      "get": {
        "operationId": "ListExemptions",
        "description": "Exemptions, newest first, filtered by entity, scorecard, status or team.",
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "scorecardId",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 100
            }
          },
          {
            "name": "groupRef",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "pending",
                "approved",
                "rejected",
                "revoked"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The exemptions.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ScorecardExemption"
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "post": {
        "operationId": "RequestExemption",
        "description": "Requests an exemption from one check for one entity; a permitted user approves it.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "entityRef",
                  "scorecardId",
                  "checkId",
                  "justification",
                  "expiresAt"
                ],
                "additionalProperties": false,
                "properties": {
                  "entityRef": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 255
                  },
                  "scorecardId": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100
                  },
                  "checkId": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100
                  },
                  "justification": {
                    "type": "string",
                    "minLength": 10,
                    "maxLength": 2000
                  },
                  "expiresAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The pending request.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ScorecardExemption"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards/exemptions/{id}/decision": {
      "post": {
        "operationId": "DecideExemption",
        "description": "Approves or rejects a pending exemption; the entity is re-evaluated at once. A rejection needs a `note` saying why (400 when it is missing or blank, and nothing changes); an approval may omit it. 409 unless the exemption is pending.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "decision"
                ],
                "properties": {
                  "decision": {
                    "type": "string",
                    "enum": [
                      "approved",
                      "rejected"
                    ]
                  },
                  "note": {
                    "type": "string",
                    "maxLength": 2000,
                    "description": "Why; required, and not blank, when `decision` is `rejected`."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The decided exemption.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ScorecardExemption"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/scorecards/exemptions/{id}/revoke": {
      "post": {
        "operationId": "RevokeExemption",
        "description": "Ends an approved exemption early; the entity is re-evaluated at once.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "note": {
                    "type": "string",
                    "maxLength": 2000
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The revoked exemption.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ScorecardExemption"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    }
  }
} as const;
