# The CloudFormation template of docs/aws-alb.md (docs/aws/alb.json), validated offline.
occ_add_test(NAME TestAwsTemplate SOURCES unit/TestAwsTemplate.cpp LABELS unit)
