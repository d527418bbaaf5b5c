// Generated from openapi.yaml by scripts/openapi.js: do not edit.
/* eslint-disable */
export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "flywheel",
    "version": "1",
    "description": "The Flywheel REST API, mounted at /api/flywheel. Every endpoint except /health requires Backstage credentials. Entity refs travel in query strings or bodies; only a capability is named in the path, by kind, namespace and name, as the catalog's by-name routes do.",
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
  "tags": [
    {
      "name": "Campaigns",
      "description": "Time-bound pushes to bring a cohort of catalog entities to a goal by a deadline, with progress, per-team breakdown and to-do items."
    },
    {
      "name": "Maturity",
      "description": "Maturity stages of platform capabilities (exit criteria, attestations, waivers, transitions) and the product dashboard's outcomes."
    },
    {
      "name": "Metrics",
      "description": "The metric registry (every number Flywheel computes, read as series or compared) and the deployment ingest for value-stream metrics."
    },
    {
      "name": "Privacy",
      "description": "Erasing what Flywheel holds about one person (a data-subject request); see docs/security.md."
    },
    {
      "name": "Surveys",
      "description": "NPS, CSAT and custom surveys of the developer portal's users, their waves, responses, results and comments."
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
          },
          "canDecide": {
            "type": "boolean",
            "description": "Whether the caller may approve, reject or revoke it (by default only owners of the entity or of a team above it, never the requester)."
          },
          "cannotDecideReason": {
            "type": "string",
            "description": "When canDecide is false, why, in words to show."
          }
        }
      },
      "SurveyQuestionType": {
        "type": "string",
        "enum": [
          "nps",
          "csat",
          "rating",
          "single-choice",
          "multiple-choice",
          "text"
        ]
      },
      "SurveyQuestion": {
        "type": "object",
        "required": [
          "id",
          "type",
          "title"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]{0,99}$",
            "description": "Stable id within the survey."
          },
          "type": {
            "$ref": "#/components/schemas/SurveyQuestionType"
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300
          },
          "required": {
            "type": "boolean",
            "description": "Whether an answer is required; defaults to true for nps and csat."
          },
          "followUp": {
            "type": "string",
            "maxLength": 300,
            "description": "For nps, the \"why?\" follow-up, answered as free text."
          },
          "scale": {
            "type": "object",
            "description": "For rating, a whole-number scale within 0–10.",
            "required": [
              "min",
              "max"
            ],
            "additionalProperties": false,
            "properties": {
              "min": {
                "type": "integer",
                "minimum": 0,
                "maximum": 10
              },
              "max": {
                "type": "integer",
                "minimum": 0,
                "maximum": 10
              },
              "minLabel": {
                "type": "string",
                "maxLength": 100
              },
              "maxLabel": {
                "type": "string",
                "maxLength": 100
              }
            }
          },
          "options": {
            "type": "array",
            "description": "For single-choice and multiple-choice.",
            "minItems": 2,
            "maxItems": 20,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200
            }
          }
        }
      },
      "SurveyAudience": {
        "description": "Who a survey asks. A group includes its sub-groups; golden-path owners are the members of the groups owning a Component created from one of the templates.",
        "oneOf": [
          {
            "type": "object",
            "required": [
              "type"
            ],
            "additionalProperties": false,
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "everyone"
                ]
              }
            }
          },
          {
            "type": "object",
            "required": [
              "type",
              "groupRefs"
            ],
            "additionalProperties": false,
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "groups"
                ]
              },
              "groupRefs": {
                "type": "array",
                "minItems": 1,
                "maxItems": 100,
                "items": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 255
                }
              }
            }
          },
          {
            "type": "object",
            "required": [
              "type",
              "templateRefs"
            ],
            "additionalProperties": false,
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "golden-path-owners"
                ]
              },
              "templateRefs": {
                "type": "array",
                "minItems": 1,
                "maxItems": 100,
                "items": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 255
                }
              }
            }
          }
        ]
      },
      "SurveySchedule": {
        "type": "object",
        "required": [
          "opensAt",
          "recurrence"
        ],
        "additionalProperties": false,
        "properties": {
          "opensAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the first wave opens."
          },
          "closesAt": {
            "type": "string",
            "format": "date-time",
            "description": "When a one-off survey closes."
          },
          "recurrence": {
            "type": "string",
            "enum": [
              "none",
              "monthly",
              "quarterly"
            ]
          },
          "waveDays": {
            "type": "integer",
            "minimum": 1,
            "maximum": 90,
            "description": "How long each recurring wave stays open; default 14."
          }
        }
      },
      "SurveyTrigger": {
        "description": "What makes a survey prompt a person while a wave is open.",
        "oneOf": [
          {
            "type": "object",
            "required": [
              "type"
            ],
            "additionalProperties": false,
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "wave-open"
                ]
              }
            }
          },
          {
            "type": "object",
            "required": [
              "type",
              "event"
            ],
            "additionalProperties": false,
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "event"
                ]
              },
              "event": {
                "type": "string",
                "pattern": "^[a-z0-9.-]{1,100}$"
              }
            }
          },
          {
            "type": "object",
            "required": [
              "type",
              "pathPrefix"
            ],
            "additionalProperties": false,
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "route"
                ]
              },
              "pathPrefix": {
                "type": "string",
                "minLength": 1,
                "maxLength": 2000
              }
            }
          }
        ]
      },
      "SurveyDefinition": {
        "type": "object",
        "description": "What a platform PM writes to create or edit a survey.",
        "required": [
          "title",
          "anonymous",
          "questions",
          "audience",
          "schedule",
          "triggers",
          "samplingPercent"
        ],
        "additionalProperties": false,
        "properties": {
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 2000
          },
          "anonymous": {
            "type": "boolean",
            "description": "Anonymous surveys store no user identity with the answers."
          },
          "questions": {
            "type": "array",
            "minItems": 1,
            "maxItems": 30,
            "items": {
              "$ref": "#/components/schemas/SurveyQuestion"
            }
          },
          "audience": {
            "$ref": "#/components/schemas/SurveyAudience"
          },
          "schedule": {
            "$ref": "#/components/schemas/SurveySchedule"
          },
          "triggers": {
            "type": "array",
            "maxItems": 10,
            "items": {
              "$ref": "#/components/schemas/SurveyTrigger"
            }
          },
          "samplingPercent": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          },
          "template": {
            "type": "string",
            "maxLength": 100
          }
        }
      },
      "CreateSurveyRequest": {
        "type": "object",
        "description": "A SurveyDefinition, with an optional id (derived from the title when absent).",
        "required": [
          "title",
          "anonymous",
          "questions",
          "audience",
          "schedule",
          "triggers",
          "samplingPercent"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string",
            "description": "Lowercase letters, digits and dashes; `prompts` and `triggers` are reserved (they are paths under /surveys).",
            "pattern": "^(?!(?:prompts|triggers)$)[a-z0-9][a-z0-9-]{0,99}$"
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 2000
          },
          "anonymous": {
            "type": "boolean"
          },
          "questions": {
            "type": "array",
            "minItems": 1,
            "maxItems": 30,
            "items": {
              "$ref": "#/components/schemas/SurveyQuestion"
            }
          },
          "audience": {
            "$ref": "#/components/schemas/SurveyAudience"
          },
          "schedule": {
            "$ref": "#/components/schemas/SurveySchedule"
          },
          "triggers": {
            "type": "array",
            "maxItems": 10,
            "items": {
              "$ref": "#/components/schemas/SurveyTrigger"
            }
          },
          "samplingPercent": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          },
          "template": {
            "type": "string",
            "maxLength": 100
          }
        }
      },
      "SurveyWave": {
        "type": "object",
        "description": "One round of a survey, with its own responses.",
        "required": [
          "id",
          "surveyId",
          "number",
          "opensAt",
          "closesAt",
          "status",
          "responseCount"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "surveyId": {
            "type": "string"
          },
          "number": {
            "type": "integer",
            "minimum": 1,
            "description": "1 for the first wave."
          },
          "opensAt": {
            "type": "string",
            "format": "date-time"
          },
          "closesAt": {
            "type": "string",
            "format": "date-time"
          },
          "status": {
            "type": "string",
            "enum": [
              "scheduled",
              "open",
              "closed"
            ]
          },
          "audienceSize": {
            "type": "integer",
            "minimum": 0,
            "description": "People in the audience when the wave opened, if known."
          },
          "invitedSize": {
            "type": "integer",
            "minimum": 0,
            "description": "People invited when the wave opened (in the sample and not throttled then)."
          },
          "responseCount": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "SurveyWavesResponse": {
        "type": "object",
        "required": [
          "items"
        ],
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SurveyWave"
            }
          }
        }
      },
      "Survey": {
        "type": "object",
        "description": "A survey with its definition, state and current wave.",
        "required": [
          "id",
          "source",
          "status",
          "createdAt",
          "updatedAt",
          "questionsLocked",
          "title",
          "anonymous",
          "questions",
          "audience",
          "schedule",
          "triggers",
          "samplingPercent"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "source": {
            "type": "string",
            "enum": [
              "config",
              "api"
            ],
            "description": "Config-defined surveys are edited in config, not through the API."
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "archived"
            ]
          },
          "createdBy": {
            "type": "string"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "currentWave": {
            "$ref": "#/components/schemas/SurveyWave",
            "description": "The open wave, or else the latest one."
          },
          "questionsLocked": {
            "type": "boolean",
            "description": "True once any wave has responses; questions can no longer change."
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "anonymous": {
            "type": "boolean"
          },
          "questions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SurveyQuestion"
            }
          },
          "audience": {
            "$ref": "#/components/schemas/SurveyAudience"
          },
          "schedule": {
            "$ref": "#/components/schemas/SurveySchedule"
          },
          "triggers": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SurveyTrigger"
            }
          },
          "samplingPercent": {
            "type": "integer"
          },
          "template": {
            "type": "string"
          }
        }
      },
      "SurveysResponse": {
        "type": "object",
        "required": [
          "items"
        ],
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Survey"
            }
          }
        }
      },
      "SurveyAnswer": {
        "type": "object",
        "description": "One answer. `value` is a number for nps, csat and rating; an option for single-choice; a list of options for multiple-choice; text for text. `comment` answers an nps question's \"why?\".",
        "required": [
          "questionId",
          "value"
        ],
        "additionalProperties": false,
        "properties": {
          "questionId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100
          },
          "value": {
            "oneOf": [
              {
                "type": "integer"
              },
              {
                "type": "string",
                "maxLength": 5000
              },
              {
                "type": "array",
                "maxItems": 20,
                "items": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 200
                }
              }
            ]
          },
          "comment": {
            "type": "string",
            "maxLength": 5000
          }
        }
      },
      "SubmitSurveyResponseRequest": {
        "type": "object",
        "required": [
          "waveId",
          "answers"
        ],
        "additionalProperties": false,
        "properties": {
          "waveId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "answers": {
            "type": "array",
            "maxItems": 30,
            "items": {
              "$ref": "#/components/schemas/SurveyAnswer"
            }
          },
          "editToken": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]{43}$",
            "description": "Anonymous surveys only, to change an answer: the receipt the first submission returned."
          }
        }
      },
      "SubmitSurveyResponseResult": {
        "type": "object",
        "required": [
          "surveyId",
          "waveId",
          "status",
          "submittedAt"
        ],
        "additionalProperties": false,
        "properties": {
          "surveyId": {
            "type": "string"
          },
          "waveId": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "created",
              "updated"
            ],
            "description": "updated when the person changed an earlier answer in this wave."
          },
          "submittedAt": {
            "type": "string",
            "format": "date-time"
          },
          "editToken": {
            "type": "string",
            "description": "Anonymous surveys only. A receipt for this answer, kept by the browser that gave it; sending it back with a new submission changes the answer. The server keeps only its hash, never who holds it."
          }
        }
      },
      "SurveyPrompt": {
        "type": "object",
        "description": "A survey the current user is asked to answer now.",
        "required": [
          "surveyId",
          "waveId",
          "title",
          "anonymous",
          "questions",
          "closesAt"
        ],
        "additionalProperties": false,
        "properties": {
          "surveyId": {
            "type": "string"
          },
          "waveId": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "anonymous": {
            "type": "boolean"
          },
          "questions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SurveyQuestion"
            }
          },
          "closesAt": {
            "type": "string",
            "format": "date-time"
          },
          "previousAnswers": {
            "type": "array",
            "description": "The user's earlier answers in this wave, if any (identified surveys).",
            "items": {
              "$ref": "#/components/schemas/SurveyAnswer"
            }
          },
          "answeredAt": {
            "type": "string",
            "description": "When the earlier answers were last given: a date-time, or a YYYY-MM-DD day."
          },
          "preview": {
            "type": "boolean",
            "description": "A preview for the author; nothing is stored and throttling is ignored."
          }
        }
      },
      "SurveyPromptsResponse": {
        "type": "object",
        "required": [
          "items"
        ],
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SurveyPrompt"
            }
          }
        }
      },
      "SurveyPromptActionRequest": {
        "type": "object",
        "required": [
          "waveId",
          "action"
        ],
        "additionalProperties": false,
        "properties": {
          "waveId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "action": {
            "type": "string",
            "enum": [
              "snooze",
              "dismiss"
            ],
            "description": "Snooze asks again after a few days; dismiss skips this wave."
          }
        }
      },
      "SurveyTriggerEventRequest": {
        "type": "object",
        "required": [
          "event",
          "userRef"
        ],
        "additionalProperties": false,
        "properties": {
          "event": {
            "type": "string",
            "pattern": "^[a-z0-9.-]{1,100}$",
            "description": "e.g. scaffolder.run.completed or deployment.first-production."
          },
          "userRef": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "description": "Entity ref of the User the event happened for."
          },
          "context": {
            "type": "object",
            "description": "Free-form details of the event."
          }
        }
      },
      "Estimate": {
        "type": "object",
        "description": "An estimate with its 95% interval.",
        "required": [
          "value",
          "low",
          "high"
        ],
        "additionalProperties": false,
        "properties": {
          "value": {
            "type": "number"
          },
          "low": {
            "type": "number"
          },
          "high": {
            "type": "number"
          }
        }
      },
      "NpsSummary": {
        "type": "object",
        "required": [
          "responses",
          "promoters",
          "passives",
          "detractors",
          "nps",
          "finitePopulationCorrected",
          "census",
          "distribution"
        ],
        "additionalProperties": false,
        "properties": {
          "responses": {
            "type": "integer",
            "minimum": 0
          },
          "promoters": {
            "type": "integer",
            "minimum": 0
          },
          "passives": {
            "type": "integer",
            "minimum": 0
          },
          "detractors": {
            "type": "integer",
            "minimum": 0
          },
          "nps": {
            "$ref": "#/components/schemas/Estimate",
            "description": "−100…100 with its adjusted-Wald 95% interval."
          },
          "finitePopulationCorrected": {
            "type": "boolean",
            "description": "Whether the finite-population correction narrowed the interval."
          },
          "census": {
            "type": "boolean",
            "description": "Everyone in the population answered; the NPS is exact and its interval has no width."
          },
          "distribution": {
            "type": "array",
            "description": "Answers per score, index 0–10.",
            "minItems": 11,
            "maxItems": 11,
            "items": {
              "type": "integer",
              "minimum": 0
            }
          }
        }
      },
      "CsatSummary": {
        "type": "object",
        "required": [
          "responses",
          "satisfied",
          "csat",
          "distribution"
        ],
        "additionalProperties": false,
        "properties": {
          "responses": {
            "type": "integer",
            "minimum": 0
          },
          "satisfied": {
            "type": "integer",
            "minimum": 0
          },
          "csat": {
            "$ref": "#/components/schemas/Estimate",
            "description": "Top-two-box share in percent with its Wilson 95% interval."
          },
          "distribution": {
            "type": "array",
            "description": "Answers per score, index 0 for score 1 … 4 for score 5.",
            "minItems": 5,
            "maxItems": 5,
            "items": {
              "type": "integer",
              "minimum": 0
            }
          }
        }
      },
      "SurveyQuestionResult": {
        "type": "object",
        "required": [
          "questionId",
          "type",
          "title",
          "responses"
        ],
        "additionalProperties": false,
        "properties": {
          "questionId": {
            "type": "string"
          },
          "type": {
            "$ref": "#/components/schemas/SurveyQuestionType"
          },
          "title": {
            "type": "string"
          },
          "responses": {
            "type": "integer",
            "minimum": 0
          },
          "nps": {
            "$ref": "#/components/schemas/NpsSummary"
          },
          "csat": {
            "$ref": "#/components/schemas/CsatSummary"
          },
          "rating": {
            "type": "object",
            "required": [
              "mean",
              "distribution"
            ],
            "additionalProperties": false,
            "properties": {
              "mean": {
                "type": "number"
              },
              "distribution": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "value",
                    "count"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "value": {
                      "type": "integer"
                    },
                    "count": {
                      "type": "integer",
                      "minimum": 0
                    }
                  }
                }
              }
            }
          },
          "choices": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "option",
                "count"
              ],
              "additionalProperties": false,
              "properties": {
                "option": {
                  "type": "string"
                },
                "count": {
                  "type": "integer",
                  "minimum": 0
                }
              }
            }
          },
          "comments": {
            "type": "integer",
            "minimum": 0,
            "description": "text and nps follow-ups, how many wrote something."
          }
        }
      },
      "SurveyTrendPoint": {
        "type": "object",
        "description": "One wave's headline numbers, for the trend.",
        "required": [
          "waveId",
          "number",
          "opensAt",
          "responses"
        ],
        "additionalProperties": false,
        "properties": {
          "waveId": {
            "type": "string"
          },
          "number": {
            "type": "integer",
            "minimum": 1
          },
          "opensAt": {
            "type": "string",
            "format": "date-time"
          },
          "responses": {
            "type": "integer",
            "minimum": 0
          },
          "responseRate": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Responses ÷ people invited, a share 0–1 (never above 1)."
          },
          "nps": {
            "$ref": "#/components/schemas/Estimate"
          },
          "csat": {
            "$ref": "#/components/schemas/Estimate"
          },
          "change": {
            "type": "object",
            "description": "Change from the previous wave and whether it is significant at 95%.",
            "required": [
              "delta",
              "significant",
              "pValue"
            ],
            "additionalProperties": false,
            "properties": {
              "delta": {
                "type": "number"
              },
              "significant": {
                "type": "boolean"
              },
              "pValue": {
                "type": "number"
              }
            }
          }
        }
      },
      "SurveyHiddenReason": {
        "type": "string",
        "description": "Why a segment's numbers are not shown.",
        "enum": [
          "below-minimum",
          "protects-another-group"
        ]
      },
      "SurveyTeamResult": {
        "type": "object",
        "description": "One team of a breakdown, sub-teams included. The numbers are present only when shown.",
        "required": [
          "groupRef",
          "depth"
        ],
        "additionalProperties": false,
        "properties": {
          "groupRef": {
            "type": "string"
          },
          "depth": {
            "type": "integer",
            "minimum": 0,
            "description": "0 for the teams directly under the scope."
          },
          "parentRef": {
            "type": "string"
          },
          "audienceSize": {
            "type": "integer",
            "minimum": 0,
            "description": "The team's people (sub-teams included) in the audience when the wave opened; absent for waves that opened before audiences were frozen."
          },
          "invitedSize": {
            "type": "integer",
            "minimum": 0,
            "description": "Of those, the people invited (in the sample and not throttled then)."
          },
          "responses": {
            "type": "integer",
            "minimum": 0
          },
          "responseRate": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Responses ÷ people invited, a share 0–1 (never above 1)."
          },
          "nps": {
            "$ref": "#/components/schemas/Estimate"
          },
          "csat": {
            "$ref": "#/components/schemas/Estimate"
          },
          "census": {
            "type": "boolean",
            "description": "Everyone in the team's audience answered; the NPS is exact, not an estimate."
          },
          "hidden": {
            "$ref": "#/components/schemas/SurveyHiddenReason"
          }
        }
      },
      "SurveyResultsResponse": {
        "type": "object",
        "required": [
          "surveyId",
          "wave",
          "responses",
          "questions",
          "trend",
          "teams",
          "thresholds"
        ],
        "additionalProperties": false,
        "properties": {
          "surveyId": {
            "type": "string"
          },
          "wave": {
            "$ref": "#/components/schemas/SurveyWave"
          },
          "groupRef": {
            "type": "string",
            "description": "The team in scope; absent for the whole audience."
          },
          "audienceSize": {
            "type": "integer",
            "minimum": 0,
            "description": "People in the scope's audience when the wave opened."
          },
          "invitedSize": {
            "type": "integer",
            "minimum": 0,
            "description": "Of those, the people invited (in the sample and not throttled then)."
          },
          "responses": {
            "type": "integer",
            "minimum": 0
          },
          "responseRate": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Responses ÷ people invited, a share 0–1 (never above 1)."
          },
          "hidden": {
            "$ref": "#/components/schemas/SurveyHiddenReason",
            "description": "Set when the scope itself is below the minimum group size."
          },
          "questions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SurveyQuestionResult"
            }
          },
          "trend": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SurveyTrendPoint"
            }
          },
          "teams": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SurveyTeamResult"
            }
          },
          "thresholds": {
            "type": "object",
            "required": [
              "minGroupSize",
              "minCommentGroupSize"
            ],
            "additionalProperties": false,
            "properties": {
              "minGroupSize": {
                "type": "integer",
                "minimum": 1
              },
              "minCommentGroupSize": {
                "type": "integer",
                "minimum": 1
              }
            }
          }
        }
      },
      "SurveyComment": {
        "type": "object",
        "description": "A free-text answer in the comments inbox.",
        "required": [
          "id",
          "surveyId",
          "waveId",
          "questionId",
          "text",
          "tags",
          "resolved"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "surveyId": {
            "type": "string"
          },
          "waveId": {
            "type": "string"
          },
          "questionId": {
            "type": "string"
          },
          "text": {
            "type": "string"
          },
          "groupRef": {
            "type": "string",
            "description": "The smallest team whose comments are shown that includes the respondent (their own team or one above it); absent when none is."
          },
          "submittedOn": {
            "type": "string",
            "format": "date",
            "description": "The day it was written, in identified surveys only; anonymous ones keep no time, only the wave."
          },
          "tags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "resolved": {
            "type": "boolean"
          },
          "resolvedBy": {
            "type": "string"
          },
          "resolvedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "SurveyCommentsResponse": {
        "type": "object",
        "required": [
          "items",
          "totalCount",
          "withheld"
        ],
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SurveyComment"
            }
          },
          "totalCount": {
            "type": "integer",
            "minimum": 0
          },
          "withheld": {
            "type": "integer",
            "minimum": 0,
            "description": "How many comments the scope holds back; said only where the scope's numbers are shown (0 otherwise)."
          },
          "withheldReason": {
            "type": "string",
            "enum": [
              "below-minimum",
              "protects-another-group"
            ],
            "description": "Set when the scope's comments are withheld, because the scope is below the comment threshold or showing it would let its comments be worked out by subtracting another team's."
          }
        }
      },
      "SurveyCommentUpdate": {
        "type": "object",
        "description": "Tags and resolves a comment; what is left out stays as it is.",
        "additionalProperties": false,
        "properties": {
          "tags": {
            "type": "array",
            "maxItems": 10,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 40
            }
          },
          "resolved": {
            "type": "boolean"
          }
        }
      },
      "MetricDefinition": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "title",
          "description",
          "domain",
          "unit",
          "direction",
          "scopes",
          "aggregation",
          "comparable"
        ],
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
          "domain": {
            "type": "string",
            "enum": [
              "goldenPaths",
              "scorecards",
              "surveys",
              "valueStream",
              "usage",
              "campaigns"
            ]
          },
          "unit": {
            "type": "string",
            "enum": [
              "percent",
              "seconds",
              "days",
              "count",
              "perWeek",
              "score",
              "ratio"
            ]
          },
          "direction": {
            "type": "string",
            "enum": [
              "higher",
              "lower",
              "neutral"
            ]
          },
          "scopes": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "entity",
                "group",
                "goldenPath",
                "org"
              ]
            }
          },
          "aggregation": {
            "type": "string",
            "enum": [
              "median",
              "p90",
              "mean",
              "share",
              "rate",
              "count",
              "distinct",
              "ratio",
              "latest"
            ]
          },
          "comparable": {
            "type": "boolean"
          }
        }
      },
      "MetricScope": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "kind"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "entity",
              "group",
              "goldenPath",
              "org"
            ]
          },
          "ref": {
            "type": "string"
          }
        }
      },
      "MetricPoint": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "start",
          "end",
          "value",
          "sampleSize"
        ],
        "properties": {
          "start": {
            "type": "string"
          },
          "end": {
            "type": "string"
          },
          "value": {
            "type": [
              "number",
              "null"
            ],
            "description": "Null when the interval has no samples."
          },
          "sampleSize": {
            "type": "integer"
          }
        }
      },
      "MetricSeriesResponse": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "metric",
          "scope",
          "from",
          "to",
          "interval",
          "points",
          "total"
        ],
        "properties": {
          "metric": {
            "$ref": "#/components/schemas/MetricDefinition"
          },
          "scope": {
            "$ref": "#/components/schemas/MetricScope"
          },
          "from": {
            "type": "string"
          },
          "to": {
            "type": "string"
          },
          "interval": {
            "type": "string",
            "enum": [
              "day",
              "week",
              "month"
            ]
          },
          "points": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MetricPoint"
            }
          },
          "total": {
            "$ref": "#/components/schemas/MetricPoint"
          }
        }
      },
      "MetricComparisonSide": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "value",
          "sampleSize"
        ],
        "properties": {
          "value": {
            "type": [
              "number",
              "null"
            ]
          },
          "sampleSize": {
            "type": "integer"
          }
        }
      },
      "MetricComparisonResponse": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "metric",
          "scope",
          "from",
          "to",
          "goldenPath",
          "handMade",
          "difference",
          "test",
          "summary"
        ],
        "properties": {
          "metric": {
            "$ref": "#/components/schemas/MetricDefinition"
          },
          "scope": {
            "$ref": "#/components/schemas/MetricScope"
          },
          "from": {
            "type": "string"
          },
          "to": {
            "type": "string"
          },
          "goldenPath": {
            "$ref": "#/components/schemas/MetricComparisonSide"
          },
          "handMade": {
            "$ref": "#/components/schemas/MetricComparisonSide"
          },
          "difference": {
            "type": [
              "number",
              "null"
            ]
          },
          "test": {
            "oneOf": [
              {
                "type": "null"
              },
              {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "name",
                  "pValue",
                  "significant"
                ],
                "properties": {
                  "name": {
                    "type": "string",
                    "enum": [
                      "Mann–Whitney U",
                      "two-proportion z"
                    ]
                  },
                  "pValue": {
                    "type": "number"
                  },
                  "significant": {
                    "type": "boolean"
                  }
                }
              }
            ]
          },
          "summary": {
            "type": "string"
          }
        }
      },
      "DeploymentCommit": {
        "type": "object",
        "description": "A commit the deployment shipped (DevLake's deploymentCommits).",
        "required": [
          "repoUrl",
          "commitSha"
        ],
        "properties": {
          "repoUrl": {
            "type": "string",
            "minLength": 1,
            "maxLength": 2000
          },
          "commitSha": {
            "type": "string",
            "minLength": 7,
            "maxLength": 64
          },
          "refName": {
            "type": "string"
          },
          "commitMsg": {
            "type": "string"
          },
          "authoredDate": {
            "type": "string",
            "description": "When the commit was authored (a Flywheel addition); lead time for changes starts here."
          },
          "startedDate": {
            "type": "string"
          },
          "finishedDate": {
            "type": "string"
          },
          "displayTitle": {
            "type": "string"
          },
          "name": {
            "type": "string"
          }
        }
      },
      "Deployment": {
        "type": "object",
        "description": "A deployment in the shape of Apache DevLake's deployment webhook, with Flywheel's entityRef (else a commit's repoUrl names the Component by its source location).",
        "required": [
          "id",
          "startedDate",
          "finishedDate"
        ],
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "description": "Unique per deployment; posting it again replaces it, never adds."
          },
          "entityRef": {
            "type": "string",
            "minLength": 1,
            "maxLength": 500
          },
          "environment": {
            "type": "string",
            "enum": [
              "PRODUCTION",
              "STAGING",
              "TESTING",
              "DEVELOPMENT"
            ],
            "description": "PRODUCTION when left out, as in DevLake."
          },
          "result": {
            "type": "string",
            "enum": [
              "SUCCESS",
              "FAILURE",
              "ABORT",
              "MANUAL"
            ],
            "description": "SUCCESS when left out."
          },
          "createdDate": {
            "type": "string"
          },
          "startedDate": {
            "type": "string"
          },
          "finishedDate": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "displayTitle": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "deploymentCommits": {
            "type": "array",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/DeploymentCommit"
            }
          }
        }
      },
      "DeploymentBatch": {
        "type": "object",
        "description": "Several deployments at once (a backfill), stored all or none.",
        "required": [
          "deployments"
        ],
        "additionalProperties": false,
        "properties": {
          "deployments": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/Deployment"
            }
          }
        }
      },
      "DeploymentIngestResponse": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "received",
          "created",
          "updated",
          "unchanged"
        ],
        "properties": {
          "received": {
            "type": "integer"
          },
          "created": {
            "type": "integer",
            "description": "Deployment ids not seen before."
          },
          "updated": {
            "type": "integer",
            "description": "Ids seen before whose content changed."
          },
          "unchanged": {
            "type": "integer",
            "description": "Ids seen before with the same content."
          }
        }
      },
      "UsageEvent": {
        "type": "object",
        "description": "One analytics event of the app (Backstage's AnalyticsEvent). Who sent it comes from the credentials; a field naming a person is refused.",
        "additionalProperties": false,
        "required": [
          "action",
          "subject",
          "context",
          "timestamp"
        ],
        "properties": {
          "action": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "description": "navigate, click, search, create, …"
          },
          "subject": {
            "type": "string",
            "maxLength": 1000,
            "description": "The path viewed, the link clicked, …"
          },
          "context": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "pluginId"
            ],
            "properties": {
              "pluginId": {
                "type": "string",
                "minLength": 1,
                "maxLength": 100
              },
              "routeRef": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255
              },
              "extension": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255
              },
              "entityRef": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255,
                "description": "The entity whose page the event happened on."
              }
            }
          },
          "attributes": {
            "type": "object",
            "maxProperties": 30,
            "additionalProperties": {
              "type": [
                "string",
                "number",
                "boolean"
              ]
            }
          },
          "value": {
            "type": "number"
          },
          "timestamp": {
            "type": "string",
            "minLength": 4,
            "maxLength": 40,
            "description": "When it happened, ISO 8601 (the browser's clock)."
          }
        }
      },
      "UsageEventBatch": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "events"
        ],
        "properties": {
          "events": {
            "type": "array",
            "minItems": 1,
            "maxItems": 500,
            "items": {
              "$ref": "#/components/schemas/UsageEvent"
            }
          },
          "sentAt": {
            "type": "string",
            "minLength": 4,
            "maxLength": 40,
            "description": "When the browser sent the batch, by its clock: the server moves every event by the difference to its own clock."
          }
        }
      },
      "UsageIngestResponse": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "received"
        ],
        "properties": {
          "received": {
            "type": "integer",
            "description": "Events stored."
          }
        }
      },
      "UsageBreakdownItem": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "pluginId",
          "events",
          "users"
        ],
        "properties": {
          "pluginId": {
            "type": "string"
          },
          "routeRef": {
            "type": [
              "string",
              "null"
            ],
            "description": "With by=route; null for events outside any route."
          },
          "events": {
            "type": "integer"
          },
          "users": {
            "type": "integer",
            "description": "Distinct people."
          }
        }
      },
      "UsageBreakdownResponse": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "by",
          "from",
          "to",
          "total",
          "items",
          "truncated"
        ],
        "properties": {
          "by": {
            "type": "string",
            "enum": [
              "plugin",
              "route"
            ]
          },
          "from": {
            "type": "string"
          },
          "to": {
            "type": "string"
          },
          "total": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "events",
              "users"
            ],
            "properties": {
              "events": {
                "type": "integer"
              },
              "users": {
                "type": "integer"
              }
            }
          },
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/UsageBreakdownItem"
            }
          },
          "truncated": {
            "type": "boolean",
            "description": "More rows exist than limit allowed."
          }
        }
      },
      "MaturityStageRef": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "title"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          }
        }
      },
      "MaturityAttestation": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "kind",
          "capabilityRef",
          "modelId",
          "stageId",
          "criterionId",
          "by",
          "at",
          "note"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "attestation",
              "waiver"
            ]
          },
          "capabilityRef": {
            "type": "string"
          },
          "modelId": {
            "type": "string"
          },
          "stageId": {
            "type": "string"
          },
          "criterionId": {
            "type": "string"
          },
          "by": {
            "type": "string"
          },
          "at": {
            "type": "string"
          },
          "evidenceUrl": {
            "type": "string"
          },
          "note": {
            "type": "string"
          },
          "expiresAt": {
            "type": "string"
          }
        }
      },
      "MaturityCriterionStatus": {
        "type": "object",
        "additionalProperties": false,
        "description": "A criterion as evaluated now (or frozen in a transition). Fewer samples than minSampleSize is unknown, never met.",
        "required": [
          "id",
          "title",
          "type",
          "required",
          "status",
          "reason"
        ],
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
            "type": "string",
            "enum": [
              "manual",
              "metric"
            ]
          },
          "required": {
            "type": "boolean"
          },
          "status": {
            "type": "string",
            "enum": [
              "met",
              "unmet",
              "unknown",
              "waived"
            ]
          },
          "reason": {
            "type": "string"
          },
          "metric": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "id": {
                "type": "string"
              },
              "title": {
                "type": "string"
              },
              "unit": {
                "type": "string"
              },
              "direction": {
                "type": "string"
              }
            }
          },
          "scope": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MetricScope"
            }
          },
          "value": {
            "type": [
              "number",
              "null"
            ]
          },
          "sampleSize": {
            "type": "integer"
          },
          "minSampleSize": {
            "type": "integer"
          },
          "comparator": {
            "type": "string",
            "enum": [
              ">=",
              ">",
              "<=",
              "<"
            ]
          },
          "threshold": {
            "type": "number"
          },
          "aggregation": {
            "type": "string",
            "enum": [
              "window",
              "latest",
              "min",
              "max",
              "mean"
            ]
          },
          "from": {
            "type": "string"
          },
          "to": {
            "type": "string"
          },
          "link": {
            "type": "string"
          },
          "attestation": {
            "$ref": "#/components/schemas/MaturityAttestation"
          },
          "waiver": {
            "$ref": "#/components/schemas/MaturityAttestation"
          }
        }
      },
      "MaturityCapability": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "entityRef",
          "title",
          "owners",
          "model",
          "stages",
          "stage",
          "criteria",
          "progress",
          "blockers"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "owners": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "model": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "id",
              "version",
              "title"
            ],
            "properties": {
              "id": {
                "type": "string"
              },
              "version": {
                "type": "integer"
              },
              "title": {
                "type": "string"
              }
            }
          },
          "stages": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MaturityStageRef"
            }
          },
          "stage": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "id",
              "title",
              "index"
            ],
            "properties": {
              "id": {
                "type": "string"
              },
              "title": {
                "type": "string"
              },
              "index": {
                "type": "integer"
              }
            }
          },
          "since": {
            "type": "string"
          },
          "next": {
            "$ref": "#/components/schemas/MaturityStageRef"
          },
          "criteria": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MaturityCriterionStatus"
            }
          },
          "progress": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "met",
              "total"
            ],
            "properties": {
              "met": {
                "type": "integer"
              },
              "total": {
                "type": "integer"
              }
            }
          },
          "blockers": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "MaturityCapabilityDetail": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "entityRef",
          "title",
          "owners",
          "model",
          "stages",
          "stage",
          "criteria",
          "progress",
          "blockers",
          "stageDetails",
          "allowed",
          "attestations"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "owners": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "model": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "id",
              "version",
              "title"
            ],
            "properties": {
              "id": {
                "type": "string"
              },
              "version": {
                "type": "integer"
              },
              "title": {
                "type": "string"
              }
            }
          },
          "stages": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MaturityStageRef"
            }
          },
          "stage": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "id",
              "title",
              "index"
            ],
            "properties": {
              "id": {
                "type": "string"
              },
              "title": {
                "type": "string"
              },
              "index": {
                "type": "integer"
              }
            }
          },
          "since": {
            "type": "string"
          },
          "next": {
            "$ref": "#/components/schemas/MaturityStageRef"
          },
          "criteria": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MaturityCriterionStatus"
            }
          },
          "progress": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "met",
              "total"
            ],
            "properties": {
              "met": {
                "type": "integer"
              },
              "total": {
                "type": "integer"
              }
            }
          },
          "blockers": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "stageDetails": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "id",
                "title",
                "criteria"
              ],
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
                "criteria": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/MaturityCriterionStatus"
                  }
                }
              }
            }
          },
          "allowed": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "transition",
              "attest"
            ],
            "properties": {
              "transition": {
                "type": "boolean"
              },
              "attest": {
                "type": "boolean"
              }
            }
          },
          "attestations": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MaturityAttestation"
            }
          }
        }
      },
      "MaturityModel": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "version",
          "title",
          "stages"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "version": {
            "type": "integer"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "stages": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "id",
                "title",
                "criteria"
              ],
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
                "criteria": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": [
                      "type",
                      "id",
                      "title",
                      "required"
                    ],
                    "properties": {
                      "type": {
                        "type": "string",
                        "enum": [
                          "manual",
                          "metric"
                        ]
                      },
                      "id": {
                        "type": "string"
                      },
                      "title": {
                        "type": "string"
                      },
                      "description": {
                        "type": "string"
                      },
                      "required": {
                        "type": "boolean"
                      },
                      "expiresAfterDays": {
                        "type": "integer"
                      },
                      "metric": {
                        "type": "string"
                      },
                      "scope": {
                        "type": "string"
                      },
                      "aggregation": {
                        "type": "string",
                        "enum": [
                          "window",
                          "latest",
                          "min",
                          "max",
                          "mean"
                        ]
                      },
                      "window": {
                        "type": "string"
                      },
                      "interval": {
                        "type": "string",
                        "enum": [
                          "day",
                          "week",
                          "month"
                        ]
                      },
                      "comparator": {
                        "type": "string",
                        "enum": [
                          ">=",
                          ">",
                          "<=",
                          "<"
                        ]
                      },
                      "threshold": {
                        "type": "number"
                      },
                      "minSampleSize": {
                        "type": "integer"
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "MaturityTransition": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "capabilityRef",
          "modelId",
          "modelVersion",
          "from",
          "to",
          "direction",
          "rationale",
          "by",
          "at",
          "criteria"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "capabilityRef": {
            "type": "string"
          },
          "modelId": {
            "type": "string"
          },
          "modelVersion": {
            "type": "integer"
          },
          "from": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/MaturityStageRef"
              },
              {
                "type": "null"
              }
            ]
          },
          "to": {
            "$ref": "#/components/schemas/MaturityStageRef"
          },
          "direction": {
            "type": "string",
            "enum": [
              "promotion",
              "demotion",
              "initial"
            ]
          },
          "rationale": {
            "type": "string"
          },
          "overrideReason": {
            "type": "string"
          },
          "by": {
            "type": "string"
          },
          "at": {
            "type": "string"
          },
          "criteria": {
            "type": "array",
            "description": "The exit criteria of the stage left, as evaluated at that moment.",
            "items": {
              "$ref": "#/components/schemas/MaturityCriterionStatus"
            }
          }
        }
      },
      "MaturityHistoryResponse": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MaturityTransition"
            }
          }
        }
      },
      "OutcomeTarget": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "value",
          "source"
        ],
        "properties": {
          "value": {
            "type": "number"
          },
          "source": {
            "type": "string",
            "enum": [
              "config",
              "ui"
            ]
          },
          "setBy": {
            "type": "string"
          },
          "setAt": {
            "type": "string"
          }
        }
      },
      "OutcomeStatus": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "family",
          "key",
          "title",
          "metric",
          "points",
          "current",
          "previous",
          "change",
          "target",
          "onTarget"
        ],
        "properties": {
          "family": {
            "type": "string",
            "enum": [
              "satisfaction",
              "usage",
              "valueStream"
            ]
          },
          "key": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "metric": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/MetricDefinition"
              },
              {
                "type": "null"
              }
            ]
          },
          "hint": {
            "type": "string"
          },
          "points": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MetricPoint"
            }
          },
          "current": {
            "type": [
              "number",
              "null"
            ]
          },
          "previous": {
            "type": [
              "number",
              "null"
            ]
          },
          "change": {
            "type": [
              "number",
              "null"
            ]
          },
          "target": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/OutcomeTarget"
              },
              {
                "type": "null"
              }
            ]
          },
          "onTarget": {
            "type": [
              "boolean",
              "null"
            ]
          }
        }
      },
      "CampaignCohort": {
        "type": "object",
        "additionalProperties": false,
        "description": "Which catalog entities the campaign is about; every field narrows it, a list matches any of its values.",
        "properties": {
          "kinds": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Default [Component]."
          },
          "types": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "spec.type values."
          },
          "systems": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "tags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "languages": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Values of the language annotation (flywheel.dev/language unless configured)."
          },
          "owners": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Groups; their subtrees count."
          },
          "notFromGoldenPath": {
            "type": "boolean"
          }
        }
      },
      "CampaignGoal": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "type"
        ],
        "description": "check: a scorecard check passes; level: a scorecard level or higher is reached; goldenPath: the entity is on the golden path at minVersion or later.",
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "check",
              "level",
              "goldenPath"
            ]
          },
          "scorecardId": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "level": {
            "type": "string"
          },
          "templateRef": {
            "type": "string"
          },
          "minVersion": {
            "type": "string"
          }
        }
      },
      "CampaignAutomation": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "templateRef"
        ],
        "properties": {
          "templateRef": {
            "type": "string"
          },
          "entityParameter": {
            "type": "string"
          },
          "parameters": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "CampaignDefinition": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "title",
          "description",
          "ownerRef",
          "cohort",
          "goal",
          "startsAt",
          "deadline"
        ],
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
          "howTo": {
            "type": "string"
          },
          "ownerRef": {
            "type": "string"
          },
          "cohort": {
            "$ref": "#/components/schemas/CampaignCohort"
          },
          "goal": {
            "$ref": "#/components/schemas/CampaignGoal"
          },
          "automation": {
            "$ref": "#/components/schemas/CampaignAutomation"
          },
          "startsAt": {
            "type": "string"
          },
          "deadline": {
            "type": "string"
          }
        }
      },
      "CampaignCounts": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "cohort",
          "met",
          "open",
          "exempt",
          "percent"
        ],
        "properties": {
          "cohort": {
            "type": "integer"
          },
          "met": {
            "type": "integer"
          },
          "open": {
            "type": "integer"
          },
          "exempt": {
            "type": "integer"
          },
          "percent": {
            "type": [
              "number",
              "null"
            ]
          }
        }
      },
      "Campaign": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "title",
          "description",
          "ownerRef",
          "cohort",
          "goal",
          "startsAt",
          "deadline",
          "source",
          "state",
          "goalText",
          "createdAt",
          "progress"
        ],
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
          "howTo": {
            "type": "string"
          },
          "ownerRef": {
            "type": "string"
          },
          "cohort": {
            "$ref": "#/components/schemas/CampaignCohort"
          },
          "goal": {
            "$ref": "#/components/schemas/CampaignGoal"
          },
          "automation": {
            "$ref": "#/components/schemas/CampaignAutomation"
          },
          "startsAt": {
            "type": "string"
          },
          "deadline": {
            "type": "string"
          },
          "source": {
            "type": "string",
            "enum": [
              "config",
              "api"
            ]
          },
          "state": {
            "type": "string",
            "enum": [
              "scheduled",
              "running",
              "completed",
              "overdue",
              "closed"
            ]
          },
          "goalText": {
            "type": "string"
          },
          "createdAt": {
            "type": "string"
          },
          "createdBy": {
            "type": "string"
          },
          "closedAt": {
            "type": "string"
          },
          "closedBy": {
            "type": "string"
          },
          "closeNote": {
            "type": "string"
          },
          "completedAt": {
            "type": "string"
          },
          "baseline": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "at",
              "cohort",
              "met",
              "exempt"
            ],
            "properties": {
              "at": {
                "type": "string"
              },
              "cohort": {
                "type": "integer"
              },
              "met": {
                "type": "integer"
              },
              "exempt": {
                "type": "integer"
              }
            }
          },
          "progress": {
            "$ref": "#/components/schemas/CampaignCounts"
          }
        }
      },
      "CampaignDay": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "day",
          "cohort",
          "met",
          "exempt"
        ],
        "properties": {
          "day": {
            "type": "string"
          },
          "cohort": {
            "type": "integer"
          },
          "met": {
            "type": "integer"
          },
          "exempt": {
            "type": "integer"
          }
        }
      },
      "CampaignProjection": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "pacePerWeek",
          "basisDays",
          "confidence",
          "onTrack",
          "summary"
        ],
        "properties": {
          "pacePerWeek": {
            "type": "number"
          },
          "basisDays": {
            "type": "integer"
          },
          "date": {
            "type": "string"
          },
          "earliest": {
            "type": "string"
          },
          "latest": {
            "type": "string"
          },
          "confidence": {
            "type": "string",
            "enum": [
              "high",
              "medium",
              "low"
            ]
          },
          "onTrack": {
            "type": "boolean"
          },
          "summary": {
            "type": "string"
          }
        }
      },
      "CampaignProgressResponse": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "campaignId",
          "days",
          "ideal"
        ],
        "properties": {
          "campaignId": {
            "type": "string"
          },
          "days": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CampaignDay"
            }
          },
          "withheld": {
            "type": "string"
          },
          "ideal": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "day",
                "met"
              ],
              "properties": {
                "day": {
                  "type": "string"
                },
                "met": {
                  "type": "number"
                }
              }
            }
          },
          "projection": {
            "$ref": "#/components/schemas/CampaignProjection"
          }
        }
      },
      "CampaignTeamProgress": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "groupRef",
          "cohort",
          "met",
          "open",
          "exempt",
          "percent",
          "own"
        ],
        "properties": {
          "groupRef": {
            "type": "string"
          },
          "parentRef": {
            "type": "string"
          },
          "cohort": {
            "type": "integer"
          },
          "met": {
            "type": "integer"
          },
          "open": {
            "type": "integer"
          },
          "exempt": {
            "type": "integer"
          },
          "percent": {
            "type": [
              "number",
              "null"
            ]
          },
          "own": {
            "$ref": "#/components/schemas/CampaignCounts"
          }
        }
      },
      "CampaignItem": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "entityRef",
          "state",
          "reason"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "ownerRef": {
            "type": "string"
          },
          "state": {
            "type": "string",
            "enum": [
              "met",
              "open",
              "exempt"
            ]
          },
          "reason": {
            "type": "string"
          },
          "metAt": {
            "type": "string"
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
      },
      "BadRequest": {
        "description": "The request is invalid; the message says what to fix.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Forbidden": {
        "description": "The user lacks the permission, or is not in the survey's audience.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such survey, wave or comment (or none open for the user).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "The person made more writes this minute than flywheel.rateLimit.writesPerMinute allows (docs/security.md); nothing was saved. Retry-After says when to try again.",
        "headers": {
          "Retry-After": {
            "description": "Seconds until the person's budget is renewed.",
            "schema": {
              "type": "integer"
            }
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Conflict": {
        "description": "The request conflicts with the survey's state.",
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
      "campaignId": {
        "name": "campaignId",
        "in": "path",
        "required": true,
        "description": "Id of a campaign, e.g. typescript-path-1-2.",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
          "maxLength": 100
        }
      },
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
      },
      "surveyId": {
        "name": "surveyId",
        "in": "path",
        "required": true,
        "description": "Id of a survey, e.g. platform-nps.",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9-]{0,99}$"
        }
      },
      "surveyWaveId": {
        "name": "waveId",
        "in": "query",
        "required": false,
        "description": "A wave of the survey; the open or latest wave when absent.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64
        }
      },
      "surveyGroupRef": {
        "name": "groupRef",
        "in": "query",
        "required": false,
        "description": "Entity ref of a Group; its results, with its sub-teams as the breakdown. Absent for the whole audience.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        }
      },
      "metricId": {
        "name": "metricId",
        "in": "path",
        "required": true,
        "description": "Id of a metric, e.g. valueStream.leadTime.median (GET /metrics lists them).",
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z0-9._-]{1,200}$"
        }
      },
      "metricGroupRef": {
        "name": "groupRef",
        "in": "query",
        "required": false,
        "description": "A Group; the metric over it and its sub-teams. At most one of groupRef, entityRef, goldenPath; none is the whole organisation.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        }
      },
      "metricEntityRef": {
        "name": "entityRef",
        "in": "query",
        "required": false,
        "description": "One entity (a Component for value-stream metrics).",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        }
      },
      "metricGoldenPath": {
        "name": "goldenPath",
        "in": "query",
        "required": false,
        "description": "A template ref; the services created from it.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        }
      },
      "metricWindow": {
        "name": "window",
        "in": "query",
        "required": false,
        "description": "The span ending at `to`, e.g. 90d, 26w, 6m, 2y (default 26w).",
        "schema": {
          "type": "string",
          "pattern": "^[0-9]{1,4}[dwmy]$"
        }
      },
      "metricFrom": {
        "name": "from",
        "in": "query",
        "required": false,
        "description": "ISO 8601 start, instead of window.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 4,
          "maxLength": 40
        }
      },
      "metricTo": {
        "name": "to",
        "in": "query",
        "required": false,
        "description": "ISO 8601 end (exclusive); default now.",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "minLength": 4,
          "maxLength": 40
        }
      },
      "capabilityKind": {
        "name": "kind",
        "in": "path",
        "required": true,
        "description": "The capability entity's kind, as in the catalog's by-name routes.",
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z0-9._-]{1,63}$"
        }
      },
      "capabilityNamespace": {
        "name": "namespace",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z0-9._-]{1,63}$"
        }
      },
      "capabilityName": {
        "name": "name",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z0-9._-]{1,63}$"
        }
      },
      "outcomeKey": {
        "name": "key",
        "in": "path",
        "required": true,
        "description": "The outcome's metric key as configured, e.g. goldenPaths.adoption or surveys.*.nps (URL-encoded).",
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z0-9._*-]{1,200}$"
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
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
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
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
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
        "description": "Every scorecard (or one) rolled up over a team and all its sub-teams (its direct sub-teams as `subTeams`), or without `groupRef` over the whole catalog (the top-level groups as `subTeams`; entities without a group owner count in the totals only). Served from per-owner aggregates, cached until results change. Only entities the caller may see in the catalog count; teams the caller may not see are left out of `subTeams`.",
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
        "description": "Every team (its subtree included) for one scorecard, best average score first, over the entities the caller may see in the catalog; teams with none are left out.",
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
        "description": "Daily snapshots of a scorecard for an entity, a team (sub-teams included) or the whole catalog. A team or catalog series is withheld (no points, `withheld` says why) when the scope holds entities the caller may not see in the catalog; an entity the caller may not see has no points.",
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
                    "withheld": {
                      "type": "string",
                      "description": "Why the series is withheld for the caller."
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
        "description": "The results of every entity of a scorecard, optionally in a team's subtree and only those a check counts against (failingCheck); as JSON pages or, with format=csv, a CSV export. Only entities the caller may see in the catalog are listed and counted.",
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
            "name": "failingCheck",
            "in": "query",
            "required": false,
            "description": "Only entities whose result of this check (an id of the scorecard's checks) is fail, warn or unknown.",
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
        "description": "Exemptions of entities the caller may see in the catalog, newest first, filtered by entity, scorecard, status or team; each says whether the caller may decide it.",
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
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
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
        "description": "Approves or rejects a pending exemption; the entity is re-evaluated at once. A rejection needs a `note` saying why (400 when it is missing or blank, and nothing changes); an approval may omit it. 409 unless the exemption is pending. 403 unless the caller may decide it (by default an owner of the entity or of a team above it, and not the requester); 404 when its entity is hidden from the caller. The requester and the owners are notified.",
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
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
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
        "description": "Ends an approved exemption early; the entity is re-evaluated at once. Who may revoke is who may decide (403 otherwise). The requester and the owners are notified.",
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
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/surveys": {
      "get": {
        "operationId": "ListSurveys",
        "tags": [
          "Surveys"
        ],
        "description": "Every active survey, with archived ones when `includeArchived` is true.",
        "parameters": [
          {
            "name": "includeArchived",
            "in": "query",
            "required": false,
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The surveys.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SurveysResponse"
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
        "operationId": "CreateSurvey",
        "tags": [
          "Surveys"
        ],
        "description": "Creates a survey; needs `flywheel.surveys.manage`. The id is derived from the title when absent. 409 when the id is taken.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateSurveyRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new survey.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Survey"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/surveys/prompts": {
      "get": {
        "operationId": "GetSurveyPrompts",
        "tags": [
          "Surveys"
        ],
        "description": "The surveys the current user should be asked now, after throttling, sampling and triggers. `path` is the page the user is on, for route triggers.",
        "parameters": [
          {
            "name": "path",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "schema": {
              "type": "string",
              "maxLength": 2000
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The prompts, possibly none.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SurveyPromptsResponse"
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
    "/surveys/triggers": {
      "post": {
        "operationId": "FireSurveyTrigger",
        "tags": [
          "Surveys"
        ],
        "description": "Records a backend event for a user (e.g. scaffolder.run.completed), so that surveys with a matching event trigger prompt them. For service principals, i.e. other backends.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SurveyTriggerEventRequest"
              }
            }
          }
        },
        "responses": {
          "202": {
            "description": "Accepted; matching surveys will prompt the user.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "accepted"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "accepted": {
                      "type": "boolean",
                      "const": true
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/surveys/{surveyId}": {
      "get": {
        "operationId": "GetSurvey",
        "tags": [
          "Surveys"
        ],
        "description": "One survey with its current wave.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          }
        ],
        "responses": {
          "200": {
            "description": "The survey.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Survey"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "put": {
        "operationId": "UpdateSurvey",
        "tags": [
          "Surveys"
        ],
        "description": "Replaces a survey's definition; needs `flywheel.surveys.manage`. 409 when the questions change once a wave has responses (`questionsLocked`), or for a config-defined survey.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SurveyDefinition"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated survey.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Survey"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/surveys/{surveyId}/archive": {
      "post": {
        "operationId": "ArchiveSurvey",
        "tags": [
          "Surveys"
        ],
        "description": "Archives a survey; needs `flywheel.surveys.manage`. No new waves open; results are kept.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          }
        ],
        "responses": {
          "200": {
            "description": "The archived survey.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Survey"
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/surveys/{surveyId}/waves": {
      "get": {
        "operationId": "ListSurveyWaves",
        "tags": [
          "Surveys"
        ],
        "description": "The survey's waves, oldest first.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          }
        ],
        "responses": {
          "200": {
            "description": "The waves.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SurveyWavesResponse"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/surveys/{surveyId}/form": {
      "get": {
        "operationId": "GetSurveyForm",
        "tags": [
          "Surveys"
        ],
        "description": "The survey's open wave as a form for the current user (e.g. from a notification), with their earlier answers. 404 when no wave is open for them.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          }
        ],
        "responses": {
          "200": {
            "description": "The form.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SurveyPrompt"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/surveys/{surveyId}/preview": {
      "get": {
        "operationId": "PreviewSurvey",
        "tags": [
          "Surveys"
        ],
        "description": "The survey as its audience will see it, with `preview` set; needs `flywheel.surveys.manage`. Nothing answered in a preview is stored.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          }
        ],
        "responses": {
          "200": {
            "description": "The preview.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SurveyPrompt"
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/surveys/{surveyId}/responses": {
      "post": {
        "operationId": "SubmitSurveyResponse",
        "tags": [
          "Surveys"
        ],
        "description": "Submits the current user's response to a wave, or changes it (identified surveys only). 400 for an invalid answer (unknown question, score out of range, missing required answer); 403 when the user is not in the audience; 409 when the wave is closed or the user already answered an anonymous survey.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SubmitSurveyResponseRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "An earlier response was updated.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SubmitSurveyResponseResult"
                }
              }
            }
          },
          "201": {
            "description": "The response was recorded.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SubmitSurveyResponseResult"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/surveys/{surveyId}/prompt-actions": {
      "post": {
        "operationId": "ActOnSurveyPrompt",
        "tags": [
          "Surveys"
        ],
        "description": "Snoozes (asks again after a few days) or dismisses (skips this wave) the current user's prompt.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SurveyPromptActionRequest"
              }
            }
          }
        },
        "responses": {
          "204": {
            "description": "Recorded."
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/surveys/{surveyId}/results": {
      "get": {
        "operationId": "GetSurveyResults",
        "tags": [
          "Surveys"
        ],
        "description": "Results of one wave with the trend and a team breakdown, within the anonymity thresholds; as JSON or, with format=csv, the same aggregates as CSV (hidden teams left out). Needs `flywheel.surveys.results.read`, or `flywheel.surveys.results.read-own-team` for the user's own teams.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          },
          {
            "$ref": "#/components/parameters/surveyWaveId"
          },
          {
            "$ref": "#/components/parameters/surveyGroupRef"
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
            "description": "The results, or their CSV export.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SurveyResultsResponse"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/surveys/{surveyId}/comments": {
      "get": {
        "operationId": "ListSurveyComments",
        "tags": [
          "Surveys"
        ],
        "description": "The comments inbox of a survey, newest first, within the comment threshold; needs `flywheel.surveys.comments.read`.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          },
          {
            "$ref": "#/components/parameters/surveyWaveId"
          },
          {
            "$ref": "#/components/parameters/surveyGroupRef"
          },
          {
            "name": "resolved",
            "in": "query",
            "required": false,
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "tag",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 40
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 200,
              "default": 50
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
          }
        ],
        "responses": {
          "200": {
            "description": "A page of comments.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SurveyCommentsResponse"
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/surveys/{surveyId}/comments/{commentId}": {
      "patch": {
        "operationId": "UpdateSurveyComment",
        "tags": [
          "Surveys"
        ],
        "description": "Tags or resolves a comment; needs `flywheel.surveys.manage`.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          },
          {
            "name": "commentId",
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
                "$ref": "#/components/schemas/SurveyCommentUpdate"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated comment.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SurveyComment"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "operationId": "ListMetrics",
        "tags": [
          "Metrics"
        ],
        "description": "Every metric of the registry with its definition.",
        "responses": {
          "200": {
            "description": "The metrics, by id.",
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
                        "$ref": "#/components/schemas/MetricDefinition"
                      }
                    }
                  }
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/metrics/{metricId}/series": {
      "get": {
        "operationId": "GetMetricSeries",
        "tags": [
          "Metrics"
        ],
        "description": "A metric as a series of points over a window (and its value over the whole window), for the organisation, a team with its sub-teams, one entity or a golden path; only what the caller may see in the catalog counts. With format=csv, the points as CSV.",
        "parameters": [
          {
            "$ref": "#/components/parameters/metricId"
          },
          {
            "$ref": "#/components/parameters/metricGroupRef"
          },
          {
            "$ref": "#/components/parameters/metricEntityRef"
          },
          {
            "$ref": "#/components/parameters/metricGoldenPath"
          },
          {
            "$ref": "#/components/parameters/metricWindow"
          },
          {
            "$ref": "#/components/parameters/metricFrom"
          },
          {
            "$ref": "#/components/parameters/metricTo"
          },
          {
            "name": "interval",
            "in": "query",
            "required": false,
            "description": "The width of one point (default week; ISO weeks, UTC).",
            "schema": {
              "type": "string",
              "enum": [
                "day",
                "week",
                "month"
              ]
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
            "description": "The series.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MetricSeriesResponse"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/metrics/{metricId}/comparison": {
      "get": {
        "operationId": "GetMetricComparison",
        "tags": [
          "Metrics"
        ],
        "description": "Golden-path services against hand-made ones over a window, with sample sizes and a significance test (Mann–Whitney U for times and rates, two-proportion z for shares).",
        "parameters": [
          {
            "$ref": "#/components/parameters/metricId"
          },
          {
            "$ref": "#/components/parameters/metricGroupRef"
          },
          {
            "$ref": "#/components/parameters/metricEntityRef"
          },
          {
            "$ref": "#/components/parameters/metricGoldenPath"
          },
          {
            "$ref": "#/components/parameters/metricWindow"
          },
          {
            "$ref": "#/components/parameters/metricFrom"
          },
          {
            "$ref": "#/components/parameters/metricTo"
          }
        ],
        "responses": {
          "200": {
            "description": "The comparison.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MetricComparisonResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/deployments": {
      "post": {
        "operationId": "IngestDeployments",
        "tags": [
          "Metrics"
        ],
        "description": "Records deployments from CI/CD in the shape of Apache DevLake's deployment webhook: one deployment, or {\"deployments\": [...]} for a backfill (at most 1,000 and 10 MB). Idempotent by deployment id. Any bad deployment refuses the whole request and nothing is stored. Only service credentials (a static or JWKS external-access token) are accepted, never a user's.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Deployment"
                  },
                  {
                    "$ref": "#/components/schemas/DeploymentBatch"
                  }
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What was stored.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeploymentIngestResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/usage/events": {
      "post": {
        "operationId": "RecordUsageEvents",
        "tags": [
          "Metrics"
        ],
        "description": "Records analytics events of the app (what Flywheel's analytics module sends) for the signed-in user whose credentials send them; only user credentials are accepted. At most 500 events and 100 kB per request. A field naming a person is refused: events are always the sender's. Any bad event refuses the whole request and nothing is stored. Needs no permission and is not audited (docs/security.md).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UsageEventBatch"
              }
            }
          }
        },
        "responses": {
          "202": {
            "description": "Stored.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UsageIngestResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/usage/breakdown": {
      "get": {
        "operationId": "GetUsageBreakdown",
        "tags": [
          "Metrics"
        ],
        "description": "Events and distinct people per plugin, or per plugin and route, over a window (default the last 30 days); most people first.",
        "parameters": [
          {
            "name": "by",
            "in": "query",
            "required": false,
            "description": "plugin (default) or route.",
            "schema": {
              "type": "string",
              "enum": [
                "plugin",
                "route"
              ]
            }
          },
          {
            "$ref": "#/components/parameters/metricWindow"
          },
          {
            "$ref": "#/components/parameters/metricFrom"
          },
          {
            "$ref": "#/components/parameters/metricTo"
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "The most rows to return (default 100, at most 1000).",
            "schema": {
              "type": "string",
              "pattern": "^[0-9]{1,4}$"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The breakdown.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UsageBreakdownResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/maturity/capabilities": {
      "get": {
        "operationId": "ListCapabilities",
        "tags": [
          "Maturity"
        ],
        "description": "The platform capabilities the caller may see (catalog entities the capability filter selects), each with its stage, the current stage's exit criteria evaluated now and what blocks the next stage.",
        "responses": {
          "200": {
            "description": "The capabilities and the default model's stages.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "items",
                    "stages"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/MaturityCapability"
                      }
                    },
                    "stages": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/MaturityStageRef"
                      }
                    }
                  }
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/maturity/capabilities/{kind}/{namespace}/{name}": {
      "get": {
        "operationId": "GetCapability",
        "tags": [
          "Maturity"
        ],
        "description": "One capability with every stage's criteria evaluated now, its attestations and waivers, and what the caller may do.",
        "parameters": [
          {
            "$ref": "#/components/parameters/capabilityKind"
          },
          {
            "$ref": "#/components/parameters/capabilityNamespace"
          },
          {
            "$ref": "#/components/parameters/capabilityName"
          }
        ],
        "responses": {
          "200": {
            "description": "The capability.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MaturityCapabilityDetail"
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/maturity/capabilities/{kind}/{namespace}/{name}/history": {
      "get": {
        "operationId": "GetCapabilityHistory",
        "tags": [
          "Maturity"
        ],
        "description": "The capability's transitions, newest first, each with the criteria frozen at its moment; with format=csv as CSV.",
        "parameters": [
          {
            "$ref": "#/components/parameters/capabilityKind"
          },
          {
            "$ref": "#/components/parameters/capabilityNamespace"
          },
          {
            "$ref": "#/components/parameters/capabilityName"
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
            "description": "The history.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MaturityHistoryResponse"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/maturity/capabilities/{kind}/{namespace}/{name}/transitions": {
      "post": {
        "operationId": "TransitionCapability",
        "tags": [
          "Maturity"
        ],
        "description": "Promotes the capability to the next stage or demotes it to an earlier one, with a rationale. A promotion while a required exit criterion of the current stage is unmet, unknown or not waived is refused (409) unless overrideReason is given, which is recorded. With initial, a capability that never moved is placed in any stage (direction initial), once. The transition freezes the criteria of this moment and is never changed. Allowed to the capability's owners by default (permission flywheel.maturity.transition).",
        "parameters": [
          {
            "$ref": "#/components/parameters/capabilityKind"
          },
          {
            "$ref": "#/components/parameters/capabilityNamespace"
          },
          {
            "$ref": "#/components/parameters/capabilityName"
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
                  "toStage",
                  "rationale"
                ],
                "properties": {
                  "toStage": {
                    "type": "string"
                  },
                  "rationale": {
                    "type": "string"
                  },
                  "overrideReason": {
                    "type": "string"
                  },
                  "initial": {
                    "type": "boolean",
                    "description": "Place a capability that never moved in any stage, without exit criteria (when you start tracking it); refused once it has history."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The recorded transition.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MaturityTransition"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/maturity/capabilities/{kind}/{namespace}/{name}/attestations": {
      "post": {
        "operationId": "AttestCriterion",
        "tags": [
          "Maturity"
        ],
        "description": "Attests a manual criterion of one of the capability's stages with an evidence link and a note, optionally until a date (permission flywheel.maturity.attest; the owners by default).",
        "parameters": [
          {
            "$ref": "#/components/parameters/capabilityKind"
          },
          {
            "$ref": "#/components/parameters/capabilityNamespace"
          },
          {
            "$ref": "#/components/parameters/capabilityName"
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
                  "stageId",
                  "criterionId",
                  "evidenceUrl",
                  "note"
                ],
                "properties": {
                  "stageId": {
                    "type": "string"
                  },
                  "criterionId": {
                    "type": "string"
                  },
                  "evidenceUrl": {
                    "type": "string"
                  },
                  "note": {
                    "type": "string"
                  },
                  "expiresAt": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The attestation.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MaturityAttestation"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/maturity/capabilities/{kind}/{namespace}/{name}/waivers": {
      "post": {
        "operationId": "WaiveCriterion",
        "tags": [
          "Maturity"
        ],
        "description": "Waives a criterion that does not apply to this capability, with a reason, optionally until a date (permission flywheel.maturity.attest).",
        "parameters": [
          {
            "$ref": "#/components/parameters/capabilityKind"
          },
          {
            "$ref": "#/components/parameters/capabilityNamespace"
          },
          {
            "$ref": "#/components/parameters/capabilityName"
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
                  "stageId",
                  "criterionId",
                  "reason"
                ],
                "properties": {
                  "stageId": {
                    "type": "string"
                  },
                  "criterionId": {
                    "type": "string"
                  },
                  "reason": {
                    "type": "string"
                  },
                  "expiresAt": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The waiver.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MaturityAttestation"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/maturity/history": {
      "get": {
        "operationId": "GetMaturityHistory",
        "tags": [
          "Maturity"
        ],
        "description": "Every transition of the capabilities the caller may see, newest first; with format=csv as CSV.",
        "parameters": [
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
            "description": "The history.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MaturityHistoryResponse"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/maturity/models": {
      "get": {
        "operationId": "ListMaturityModels",
        "tags": [
          "Maturity"
        ],
        "description": "Every version of every stage model ever configured, so old transitions can be read against the model they were made under.",
        "responses": {
          "200": {
            "description": "The models.",
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
                        "$ref": "#/components/schemas/MaturityModel"
                      }
                    }
                  }
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/maturity/outcomes": {
      "get": {
        "operationId": "GetOutcomes",
        "tags": [
          "Maturity"
        ],
        "description": "The product dashboard's outcomes (developer satisfaction, platform usage, value stream) over the organisation, each with its trend, target and the change since the previous interval.",
        "parameters": [
          {
            "$ref": "#/components/parameters/metricWindow"
          },
          {
            "name": "interval",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "day",
                "week",
                "month"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The outcomes.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "from",
                    "to",
                    "interval",
                    "items"
                  ],
                  "properties": {
                    "from": {
                      "type": "string"
                    },
                    "to": {
                      "type": "string"
                    },
                    "interval": {
                      "type": "string",
                      "enum": [
                        "day",
                        "week",
                        "month"
                      ]
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/OutcomeStatus"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/maturity/outcomes/targets/{key}": {
      "put": {
        "operationId": "SetOutcomeTarget",
        "tags": [
          "Maturity"
        ],
        "description": "Sets an outcome's target, over the one in config (permission flywheel.maturity.targets.manage).",
        "parameters": [
          {
            "$ref": "#/components/parameters/outcomeKey"
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
                  "value"
                ],
                "properties": {
                  "value": {
                    "type": "number"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The target.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OutcomeTarget"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "delete": {
        "operationId": "DeleteOutcomeTarget",
        "tags": [
          "Maturity"
        ],
        "description": "Removes the target set in the UI; the one in config (if any) applies again.",
        "parameters": [
          {
            "$ref": "#/components/parameters/outcomeKey"
          }
        ],
        "responses": {
          "204": {
            "description": "Removed."
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/privacy/erasures": {
      "post": {
        "operationId": "ErasePerson",
        "tags": [
          "Privacy"
        ],
        "description": "Removes or pseudonymises what Flywheel holds about one person, in one transaction (permission flywheel.privacy.erase, service credentials only: a static token for the people who handle data-subject requests). Their answers, events and records stay in every count under a random pseudonym stored nowhere else; their snoozes, trigger events and rate-limit counts are deleted. Free text (notes, rationales, comments) is not searched for names. Erasing a person with nothing stored, or twice, changes nothing.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "userRef"
                ],
                "properties": {
                  "userRef": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 255,
                    "description": "The person's user entity ref, e.g. user:default/ada (matched case-insensitively)."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What was removed or pseudonymised.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "userRef",
                    "rows"
                  ],
                  "properties": {
                    "userRef": {
                      "type": "string"
                    },
                    "rows": {
                      "type": "object",
                      "description": "Rows removed or pseudonymised per table; tables without any are left out.",
                      "additionalProperties": {
                        "type": "integer"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/campaigns": {
      "get": {
        "operationId": "ListCampaigns",
        "tags": [
          "Campaigns"
        ],
        "description": "Every campaign, soonest deadline first, with its progress over the cohort entities the caller may see.",
        "parameters": [
          {
            "name": "state",
            "in": "query",
            "required": false,
            "description": "open (not closed), closed, or all (default).",
            "schema": {
              "type": "string",
              "enum": [
                "open",
                "closed",
                "all"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The campaigns.",
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
                        "$ref": "#/components/schemas/Campaign"
                      }
                    }
                  }
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      },
      "post": {
        "operationId": "CreateCampaign",
        "tags": [
          "Campaigns"
        ],
        "description": "Creates a campaign and evaluates its cohort at once (permission flywheel.campaigns.manage). The goal must name a scorecard and check or level that exist; the deadline must lie ahead.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CampaignDefinition"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The campaign.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Campaign"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/campaigns/memberships": {
      "get": {
        "operationId": "ListCampaignMemberships",
        "tags": [
          "Campaigns"
        ],
        "description": "The campaigns an entity is part of, with its to-do item; or, for a group, the campaigns with entities of its subtree and the team's counts. Give exactly one of entityRef and groupRef.",
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
            "name": "groupRef",
            "in": "query",
            "required": false,
            "allowReserved": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The memberships.",
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
                        "type": "object",
                        "additionalProperties": false,
                        "required": [
                          "campaign"
                        ],
                        "properties": {
                          "campaign": {
                            "$ref": "#/components/schemas/Campaign"
                          },
                          "item": {
                            "$ref": "#/components/schemas/CampaignItem"
                          },
                          "team": {
                            "$ref": "#/components/schemas/CampaignCounts"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/campaigns/{campaignId}": {
      "get": {
        "operationId": "GetCampaign",
        "tags": [
          "Campaigns"
        ],
        "description": "One campaign with its progress over the cohort entities the caller may see.",
        "parameters": [
          {
            "$ref": "#/components/parameters/campaignId"
          }
        ],
        "responses": {
          "200": {
            "description": "The campaign.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Campaign"
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/campaigns/{campaignId}/close": {
      "post": {
        "operationId": "CloseCampaign",
        "tags": [
          "Campaigns"
        ],
        "description": "Closes (archives) a campaign with an optional note (permission flywheel.campaigns.manage). Its progress is no longer updated; its history stays readable.",
        "parameters": [
          {
            "$ref": "#/components/parameters/campaignId"
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
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The closed campaign.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Campaign"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/campaigns/{campaignId}/progress": {
      "get": {
        "operationId": "GetCampaignProgress",
        "tags": [
          "Campaigns"
        ],
        "description": "The burn-up (entities meeting the goal per day since the start), the ideal line to the deadline and the projected completion at the recent pace. Withheld from a caller who may not see every entity of the cohort.",
        "parameters": [
          {
            "$ref": "#/components/parameters/campaignId"
          }
        ],
        "responses": {
          "200": {
            "description": "The progress.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CampaignProgressResponse"
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/campaigns/{campaignId}/teams": {
      "get": {
        "operationId": "GetCampaignTeams",
        "tags": [
          "Campaigns"
        ],
        "description": "Progress per team along the group hierarchy (its own entities and its subtree's), over the entities the caller may see.",
        "parameters": [
          {
            "$ref": "#/components/parameters/campaignId"
          }
        ],
        "responses": {
          "200": {
            "description": "The teams.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "campaignId",
                    "teams",
                    "unowned"
                  ],
                  "properties": {
                    "campaignId": {
                      "type": "string"
                    },
                    "teams": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/CampaignTeamProgress"
                      }
                    },
                    "unowned": {
                      "$ref": "#/components/schemas/CampaignCounts"
                    }
                  }
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    },
    "/campaigns/{campaignId}/items": {
      "get": {
        "operationId": "ListCampaignItems",
        "tags": [
          "Campaigns"
        ],
        "description": "The cohort's entities the caller may see, by entity ref, in one state (open by default), optionally of one team's subtree.",
        "parameters": [
          {
            "$ref": "#/components/parameters/campaignId"
          },
          {
            "name": "state",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "open",
                "met",
                "exempt",
                "all"
              ]
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
          }
        ],
        "responses": {
          "200": {
            "description": "The items.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "campaignId",
                    "items",
                    "totalCount"
                  ],
                  "properties": {
                    "campaignId": {
                      "type": "string"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/CampaignItem"
                      }
                    },
                    "totalCount": {
                      "type": "integer"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "default": {
            "$ref": "#/components/responses/ErrorResponse"
          }
        }
      }
    }
  }
} as const;
