-- AWS Bedrock (Converse API). Its settings: {"region": "us-east-1"}; its credential: a Bedrock API key, or the AWS
-- access keys as {"accessKeyId": "...", "secretAccessKey": "...", "sessionToken": "..."} (session token optional).
alter table providers drop constraint providers_type_check;
alter table providers add constraint providers_type_check
    check (type in ('OPENAI', 'OPENAI_COMPATIBLE', 'AZURE_OPENAI', 'ANTHROPIC', 'GEMINI', 'BEDROCK', 'MOCK'));
