// Generated from schemas/directory.schema.json by scripts/gen-validators.ts (npm run gen:validators) with ajv's
// standalone code (ajv, MIT license: THIRD_PARTY_NOTICES.md). Do not edit: change the schema.
import { addError, appendErrors, codePoints, sameScalar } from '../schema-runtime';
const validate = /* @__PURE__ */ (() => {
const pattern3 = new RegExp("^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$", "u");

function validate53(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(typeof data === "string"){
if(!pattern3.test(data)){
const err0 = {instancePath,keyword:"pattern",params:{pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$"}};
vErrors = addError(vErrors, err0);
errors++;
}
}
else {
const err1 = {instancePath,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err1);
errors++;
}
validate53.errors = vErrors;
return errors === 0;
}

const pattern4 = new RegExp("\\S", "u");

function validate55(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(typeof data === "string"){
if(!pattern4.test(data)){
const err0 = {instancePath,keyword:"pattern",params:{pattern: "\\S"}};
vErrors = addError(vErrors, err0);
errors++;
}
}
else {
const err1 = {instancePath,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err1);
errors++;
}
validate55.errors = vErrors;
return errors === 0;
}

const schema22 = {"type":"object","required":["id","name","domain","country","kind","feeds","from"],"additionalProperties":false,"properties":{"id":{"$ref":"#/$defs/hostname","description":"The outlet's registrable domain, or its own host where that domain is shared (abcnews.go.com)."},"name":{"$ref":"#/$defs/text"},"aliases":{"type":"array","minItems":1,"maxItems":8,"uniqueItems":true,"items":{"type":"string","$ref":"#/$defs/text","maxLength":100},"description":"Other names the outlet is known by, for search: its full name where 'name' is short ('Deutsche Welle' for DW). Facts, never nicknames of ours."},"domain":{"$ref":"#/$defs/hostname","description":"Host of the outlet's article pages without www.: the id or a host under it."},"domains":{"type":"array","minItems":1,"maxItems":8,"uniqueItems":true,"items":{"type":"string","$ref":"#/$defs/hostname"},"description":"Other hosts of the outlet's pages without www., for search by address (bbc.co.uk for bbc.com). Unique across the file, and never another outlet's id or domain."},"country":{"enum":["AD","AE","AF","AG","AI","AL","AM","AO","AQ","AR","AS","AT","AU","AW","AX","AZ","BA","BB","BD","BE","BF","BG","BH","BI","BJ","BL","BM","BN","BO","BQ","BR","BS","BT","BV","BW","BY","BZ","CA","CC","CD","CF","CG","CH","CI","CK","CL","CM","CN","CO","CR","CU","CV","CW","CX","CY","CZ","DE","DJ","DK","DM","DO","DZ","EC","EE","EG","EH","ER","ES","ET","FI","FJ","FK","FM","FO","FR","GA","GB","GD","GE","GF","GG","GH","GI","GL","GM","GN","GP","GQ","GR","GS","GT","GU","GW","GY","HK","HM","HN","HR","HT","HU","ID","IE","IL","IM","IN","IO","IQ","IR","IS","IT","JE","JM","JO","JP","KE","KG","KH","KI","KM","KN","KP","KR","KW","KY","KZ","LA","LB","LC","LI","LK","LR","LS","LT","LU","LV","LY","MA","MC","MD","ME","MF","MG","MH","MK","ML","MM","MN","MO","MP","MQ","MR","MS","MT","MU","MV","MW","MX","MY","MZ","NA","NC","NE","NF","NG","NI","NL","NO","NP","NR","NU","NZ","OM","PA","PE","PF","PG","PH","PK","PL","PM","PN","PR","PS","PT","PW","PY","QA","RE","RO","RS","RU","RW","SA","SB","SC","SD","SE","SG","SH","SI","SJ","SK","SL","SM","SN","SO","SR","SS","ST","SV","SX","SY","SZ","TC","TD","TF","TG","TH","TJ","TK","TL","TM","TN","TO","TR","TT","TV","TW","TZ","UA","UG","UM","US","UY","UZ","VA","VC","VE","VG","VI","VN","VU","WF","WS","YE","YT","ZA","ZM","ZW"],"description":"ISO 3166-1 alpha-2 code of the country the newsroom is based in."},"kind":{"enum":["wire","newspaper","broadcaster","magazine","digital"]},"feeds":{"type":"object","required":["top"],"additionalProperties":false,"properties":{"top":{"$ref":"#/$defs/feedUrl","description":"The outlet's main news feed."},"opinion":{"$ref":"#/$defs/feedUrl","description":"The outlet's opinion section's feed."}}},"from":{"type":"object","required":["top"],"additionalProperties":false,"properties":{"top":{"$ref":"#/$defs/from"},"opinion":{"$ref":"#/$defs/from"}}},"via":{"$ref":"#/$defs/hostname","description":"The third-party feed service every feed of this outlet goes through; it sees the reader's requests."}},"allOf":[{"description":"'from' names the origin of exactly the feeds present.","if":{"properties":{"feeds":{"type":"object","properties":{"opinion":true},"required":["opinion"]}}},"then":{"properties":{"from":{"type":"object","properties":{"opinion":true},"required":["opinion"]}}},"else":{"properties":{"from":{"not":{"type":"object","properties":{"opinion":true},"required":["opinion"]}}}}},{"description":"A feed on a known feed proxy or aggregator needs 'via'.","if":{"properties":{"via":false}},"then":{"properties":{"feeds":{"type":"object","properties":{"top":{"$ref":"#/$defs/notProxied"},"opinion":{"$ref":"#/$defs/notProxied"}}}}}}]};
const pattern5 = new RegExp("^https?://(?:[^/?#]*\\.)?(?:openrss\\.org|news\\.google\\.com|feedburner\\.com|reddit\\.com|rsshub\\.app|rss\\.app|fetchrss\\.com|feed43\\.com|politepol\\.com|hnrss\\.org)(?:[/?#]|$)", "u");

function validate58(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
const _errs1 = errors;
if(errors === _errs1){
if(typeof data === "string"){
if(!pattern5.test(data)){
const err0 = {};
vErrors = addError(vErrors, err0);
errors++;
}
}
else {
const err1 = {};
vErrors = addError(vErrors, err1);
errors++;
}
}
var valid0 = _errs1 === errors;
if(valid0){
const err2 = {instancePath,keyword:"not",params:{}};
vErrors = addError(vErrors, err2);
errors++;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate58.errors = vErrors;
return errors === 0;
}

const func2 = codePoints;
const pattern6 = new RegExp("^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9]$", "u");

function validate61(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(typeof data === "string"){
if(func2(data) > 253){
const err0 = {instancePath,keyword:"maxLength",params:{limit: 253}};
vErrors = addError(vErrors, err0);
errors++;
}
if(!pattern6.test(data)){
const err1 = {instancePath,keyword:"pattern",params:{pattern: "^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9]$"}};
vErrors = addError(vErrors, err1);
errors++;
}
}
else {
const err2 = {instancePath,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err2);
errors++;
}
validate61.errors = vErrors;
return errors === 0;
}

const pattern7 = new RegExp("^https?://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9](?:[/?#]\\S*)?$", "u");

function validate67(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(typeof data === "string"){
if(func2(data) > 2048){
const err0 = {instancePath,keyword:"maxLength",params:{limit: 2048}};
vErrors = addError(vErrors, err0);
errors++;
}
if(!pattern7.test(data)){
const err1 = {instancePath,keyword:"pattern",params:{pattern: "^https?://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9](?:[/?#]\\S*)?$"}};
vErrors = addError(vErrors, err1);
errors++;
}
}
else {
const err2 = {instancePath,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err2);
errors++;
}
validate67.errors = vErrors;
return errors === 0;
}

const pattern8 = new RegExp("^(?:kite-core:\\S.*|kite:\\S.*|outlet)$", "u");

function validate70(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(typeof data === "string"){
if(!pattern8.test(data)){
const err0 = {instancePath,keyword:"pattern",params:{pattern: "^(?:kite-core:\\S.*|kite:\\S.*|outlet)$"}};
vErrors = addError(vErrors, err0);
errors++;
}
}
else {
const err1 = {instancePath,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err1);
errors++;
}
validate70.errors = vErrors;
return errors === 0;
}

const func1 = Object.prototype.hasOwnProperty;
const func0 = sameScalar;

function validate57(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.feeds !== undefined){
let data0 = data.feeds;
const _errs4 = errors;
if(errors === _errs4){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing0;
if((data0.opinion === undefined) && (missing0 = "opinion")){
const err0 = {};
vErrors = addError(vErrors, err0);
errors++;
}
}
else {
const err1 = {};
vErrors = addError(vErrors, err1);
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs6 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.from !== undefined){
let data1 = data.from;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.opinion === undefined){
const err2 = {instancePath:instancePath+"/from",keyword:"required",params:{missingProperty: "opinion"}};
vErrors = addError(vErrors, err2);
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/from",keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err3);
errors++;
}
}
}
var _valid0 = _errs6 === errors;
valid1 = _valid0;
if(valid1){
var props0 = {};
props0.from = true;
props0.feeds = true;
}
ifClause0 = "then";
}
else {
const _errs9 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.from !== undefined){
let data2 = data.from;
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if((data2.opinion === undefined) && (missing1 = "opinion")){
const err4 = {};
vErrors = addError(vErrors, err4);
errors++;
}
}
else {
const err5 = {};
vErrors = addError(vErrors, err5);
errors++;
}
}
var valid5 = _errs12 === errors;
if(valid5){
const err6 = {instancePath:instancePath+"/from",keyword:"not",params:{}};
vErrors = addError(vErrors, err6);
errors++;
}
else {
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
}
}
}
var _valid0 = _errs9 === errors;
valid1 = _valid0;
if(valid1){
if(props0 !== true){
props0 = props0 || {};
props0.from = true;
}
}
ifClause0 = "else";
}
if(!valid1){
const err7 = {instancePath,keyword:"if",params:{failingKeyword: ifClause0}};
vErrors = addError(vErrors, err7);
errors++;
}
const _errs15 = errors;
let valid6 = true;
const _errs16 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.via !== undefined){
const err8 = {};
vErrors = addError(vErrors, err8);
errors++;
}
}
var _valid1 = _errs16 === errors;
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs17 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.feeds !== undefined){
let data4 = data.feeds;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.top !== undefined){
if(!(validate58(data4.top, {instancePath:instancePath+"/feeds/top"}))){
vErrors = vErrors === null ? validate58.errors : appendErrors(vErrors, validate58.errors);
errors = vErrors.length;
}
}
if(data4.opinion !== undefined){
if(!(validate58(data4.opinion, {instancePath:instancePath+"/feeds/opinion"}))){
vErrors = vErrors === null ? validate58.errors : appendErrors(vErrors, validate58.errors);
errors = vErrors.length;
}
}
}
else {
const err9 = {instancePath:instancePath+"/feeds",keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err9);
errors++;
}
}
}
var _valid1 = _errs17 === errors;
valid6 = _valid1;
if(valid6){
var props1 = {};
props1.feeds = true;
props1.via = true;
}
}
if(!valid6){
const err10 = {instancePath,keyword:"if",params:{failingKeyword: "then"}};
vErrors = addError(vErrors, err10);
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err11 = {instancePath,keyword:"required",params:{missingProperty: "id"}};
vErrors = addError(vErrors, err11);
errors++;
}
if(data.name === undefined){
const err12 = {instancePath,keyword:"required",params:{missingProperty: "name"}};
vErrors = addError(vErrors, err12);
errors++;
}
if(data.domain === undefined){
const err13 = {instancePath,keyword:"required",params:{missingProperty: "domain"}};
vErrors = addError(vErrors, err13);
errors++;
}
if(data.country === undefined){
const err14 = {instancePath,keyword:"required",params:{missingProperty: "country"}};
vErrors = addError(vErrors, err14);
errors++;
}
if(data.kind === undefined){
const err15 = {instancePath,keyword:"required",params:{missingProperty: "kind"}};
vErrors = addError(vErrors, err15);
errors++;
}
if(data.feeds === undefined){
const err16 = {instancePath,keyword:"required",params:{missingProperty: "feeds"}};
vErrors = addError(vErrors, err16);
errors++;
}
if(data.from === undefined){
const err17 = {instancePath,keyword:"required",params:{missingProperty: "from"}};
vErrors = addError(vErrors, err17);
errors++;
}
for(const key0 in data){
if(!(func1.call(schema22.properties, key0))){
const err18 = {instancePath,keyword:"additionalProperties",params:{additionalProperty: key0}};
vErrors = addError(vErrors, err18);
errors++;
}
}
if(data.id !== undefined){
if(!(validate61(data.id, {instancePath:instancePath+"/id"}))){
vErrors = vErrors === null ? validate61.errors : appendErrors(vErrors, validate61.errors);
errors = vErrors.length;
}
}
if(data.name !== undefined){
if(!(validate55(data.name, {instancePath:instancePath+"/name"}))){
vErrors = vErrors === null ? validate55.errors : appendErrors(vErrors, validate55.errors);
errors = vErrors.length;
}
}
if(data.aliases !== undefined){
let data9 = data.aliases;
if(Array.isArray(data9)){
if(data9.length > 8){
const err19 = {instancePath:instancePath+"/aliases",keyword:"maxItems",params:{limit: 8}};
vErrors = addError(vErrors, err19);
errors++;
}
if(data9.length < 1){
const err20 = {instancePath:instancePath+"/aliases",keyword:"minItems",params:{limit: 1}};
vErrors = addError(vErrors, err20);
errors++;
}
const len0 = data9.length;
for(let i0=0; i0<len0; i0++){
let data10 = data9[i0];
if(!(validate55(data10, {instancePath:instancePath+"/aliases/" + i0}))){
vErrors = vErrors === null ? validate55.errors : appendErrors(vErrors, validate55.errors);
errors = vErrors.length;
}
if(typeof data10 === "string"){
if(func2(data10) > 100){
const err21 = {instancePath:instancePath+"/aliases/" + i0,keyword:"maxLength",params:{limit: 100}};
vErrors = addError(vErrors, err21);
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/aliases/" + i0,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err22);
errors++;
}
}
let i1 = data9.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data9[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err23 = {instancePath:instancePath+"/aliases",keyword:"uniqueItems",params:{i: i1, j: j0}};
vErrors = addError(vErrors, err23);
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err24 = {instancePath:instancePath+"/aliases",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err24);
errors++;
}
}
if(data.domain !== undefined){
if(!(validate61(data.domain, {instancePath:instancePath+"/domain"}))){
vErrors = vErrors === null ? validate61.errors : appendErrors(vErrors, validate61.errors);
errors = vErrors.length;
}
}
if(data.domains !== undefined){
let data12 = data.domains;
if(Array.isArray(data12)){
if(data12.length > 8){
const err25 = {instancePath:instancePath+"/domains",keyword:"maxItems",params:{limit: 8}};
vErrors = addError(vErrors, err25);
errors++;
}
if(data12.length < 1){
const err26 = {instancePath:instancePath+"/domains",keyword:"minItems",params:{limit: 1}};
vErrors = addError(vErrors, err26);
errors++;
}
const len1 = data12.length;
for(let i2=0; i2<len1; i2++){
let data13 = data12[i2];
if(typeof data13 !== "string"){
const err27 = {instancePath:instancePath+"/domains/" + i2,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err27);
errors++;
}
if(!(validate61(data13, {instancePath:instancePath+"/domains/" + i2}))){
vErrors = vErrors === null ? validate61.errors : appendErrors(vErrors, validate61.errors);
errors = vErrors.length;
}
}
let i3 = data12.length;
let j1;
if(i3 > 1){
const indices1 = {};
for(;i3--;){
let item1 = data12[i3];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err28 = {instancePath:instancePath+"/domains",keyword:"uniqueItems",params:{i: i3, j: j1}};
vErrors = addError(vErrors, err28);
errors++;
break;
}
indices1[item1] = i3;
}
}
}
else {
const err29 = {instancePath:instancePath+"/domains",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err29);
errors++;
}
}
if(data.country !== undefined){
let valid17;
valid17 = false;
for(const v0 of ["AD","AE","AF","AG","AI","AL","AM","AO","AQ","AR","AS","AT","AU","AW","AX","AZ","BA","BB","BD","BE","BF","BG","BH","BI","BJ","BL","BM","BN","BO","BQ","BR","BS","BT","BV","BW","BY","BZ","CA","CC","CD","CF","CG","CH","CI","CK","CL","CM","CN","CO","CR","CU","CV","CW","CX","CY","CZ","DE","DJ","DK","DM","DO","DZ","EC","EE","EG","EH","ER","ES","ET","FI","FJ","FK","FM","FO","FR","GA","GB","GD","GE","GF","GG","GH","GI","GL","GM","GN","GP","GQ","GR","GS","GT","GU","GW","GY","HK","HM","HN","HR","HT","HU","ID","IE","IL","IM","IN","IO","IQ","IR","IS","IT","JE","JM","JO","JP","KE","KG","KH","KI","KM","KN","KP","KR","KW","KY","KZ","LA","LB","LC","LI","LK","LR","LS","LT","LU","LV","LY","MA","MC","MD","ME","MF","MG","MH","MK","ML","MM","MN","MO","MP","MQ","MR","MS","MT","MU","MV","MW","MX","MY","MZ","NA","NC","NE","NF","NG","NI","NL","NO","NP","NR","NU","NZ","OM","PA","PE","PF","PG","PH","PK","PL","PM","PN","PR","PS","PT","PW","PY","QA","RE","RO","RS","RU","RW","SA","SB","SC","SD","SE","SG","SH","SI","SJ","SK","SL","SM","SN","SO","SR","SS","ST","SV","SX","SY","SZ","TC","TD","TF","TG","TH","TJ","TK","TL","TM","TN","TO","TR","TT","TV","TW","TZ","UA","UG","UM","US","UY","UZ","VA","VC","VE","VG","VI","VN","VU","WF","WS","YE","YT","ZA","ZM","ZW"]){
if(func0(data.country, v0)){
valid17 = true;
break;
}
}
if(!valid17){
const err30 = {instancePath:instancePath+"/country",keyword:"enum",params:{allowedValues: ["AD","AE","AF","AG","AI","AL","AM","AO","AQ","AR","AS","AT","AU","AW","AX","AZ","BA","BB","BD","BE","BF","BG","BH","BI","BJ","BL","BM","BN","BO","BQ","BR","BS","BT","BV","BW","BY","BZ","CA","CC","CD","CF","CG","CH","CI","CK","CL","CM","CN","CO","CR","CU","CV","CW","CX","CY","CZ","DE","DJ","DK","DM","DO","DZ","EC","EE","EG","EH","ER","ES","ET","FI","FJ","FK","FM","FO","FR","GA","GB","GD","GE","GF","GG","GH","GI","GL","GM","GN","GP","GQ","GR","GS","GT","GU","GW","GY","HK","HM","HN","HR","HT","HU","ID","IE","IL","IM","IN","IO","IQ","IR","IS","IT","JE","JM","JO","JP","KE","KG","KH","KI","KM","KN","KP","KR","KW","KY","KZ","LA","LB","LC","LI","LK","LR","LS","LT","LU","LV","LY","MA","MC","MD","ME","MF","MG","MH","MK","ML","MM","MN","MO","MP","MQ","MR","MS","MT","MU","MV","MW","MX","MY","MZ","NA","NC","NE","NF","NG","NI","NL","NO","NP","NR","NU","NZ","OM","PA","PE","PF","PG","PH","PK","PL","PM","PN","PR","PS","PT","PW","PY","QA","RE","RO","RS","RU","RW","SA","SB","SC","SD","SE","SG","SH","SI","SJ","SK","SL","SM","SN","SO","SR","SS","ST","SV","SX","SY","SZ","TC","TD","TF","TG","TH","TJ","TK","TL","TM","TN","TO","TR","TT","TV","TW","TZ","UA","UG","UM","US","UY","UZ","VA","VC","VE","VG","VI","VN","VU","WF","WS","YE","YT","ZA","ZM","ZW"]}};
vErrors = addError(vErrors, err30);
errors++;
}
}
if(data.kind !== undefined){
let data15 = data.kind;
if(!(((((data15 === "wire") || (data15 === "newspaper")) || (data15 === "broadcaster")) || (data15 === "magazine")) || (data15 === "digital"))){
const err31 = {instancePath:instancePath+"/kind",keyword:"enum",params:{allowedValues: ["wire","newspaper","broadcaster","magazine","digital"]}};
vErrors = addError(vErrors, err31);
errors++;
}
}
if(data.feeds !== undefined){
let data16 = data.feeds;
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
if(data16.top === undefined){
const err32 = {instancePath:instancePath+"/feeds",keyword:"required",params:{missingProperty: "top"}};
vErrors = addError(vErrors, err32);
errors++;
}
for(const key1 in data16){
if(!((key1 === "top") || (key1 === "opinion"))){
const err33 = {instancePath:instancePath+"/feeds",keyword:"additionalProperties",params:{additionalProperty: key1}};
vErrors = addError(vErrors, err33);
errors++;
}
}
if(data16.top !== undefined){
if(!(validate67(data16.top, {instancePath:instancePath+"/feeds/top"}))){
vErrors = vErrors === null ? validate67.errors : appendErrors(vErrors, validate67.errors);
errors = vErrors.length;
}
}
if(data16.opinion !== undefined){
if(!(validate67(data16.opinion, {instancePath:instancePath+"/feeds/opinion"}))){
vErrors = vErrors === null ? validate67.errors : appendErrors(vErrors, validate67.errors);
errors = vErrors.length;
}
}
}
else {
const err34 = {instancePath:instancePath+"/feeds",keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err34);
errors++;
}
}
if(data.from !== undefined){
let data19 = data.from;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.top === undefined){
const err35 = {instancePath:instancePath+"/from",keyword:"required",params:{missingProperty: "top"}};
vErrors = addError(vErrors, err35);
errors++;
}
for(const key2 in data19){
if(!((key2 === "top") || (key2 === "opinion"))){
const err36 = {instancePath:instancePath+"/from",keyword:"additionalProperties",params:{additionalProperty: key2}};
vErrors = addError(vErrors, err36);
errors++;
}
}
if(data19.top !== undefined){
if(!(validate70(data19.top, {instancePath:instancePath+"/from/top"}))){
vErrors = vErrors === null ? validate70.errors : appendErrors(vErrors, validate70.errors);
errors = vErrors.length;
}
}
if(data19.opinion !== undefined){
if(!(validate70(data19.opinion, {instancePath:instancePath+"/from/opinion"}))){
vErrors = vErrors === null ? validate70.errors : appendErrors(vErrors, validate70.errors);
errors = vErrors.length;
}
}
}
else {
const err37 = {instancePath:instancePath+"/from",keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err37);
errors++;
}
}
if(data.via !== undefined){
if(!(validate61(data.via, {instancePath:instancePath+"/via"}))){
vErrors = vErrors === null ? validate61.errors : appendErrors(vErrors, validate61.errors);
errors = vErrors.length;
}
}
}
else {
const err38 = {instancePath,keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err38);
errors++;
}
validate57.errors = vErrors;
return errors === 0;
}


function validate52(data, {instancePath=""}={}){
/*# sourceURL="urn:storyline:schema:directory:1" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.format === undefined){
const err0 = {instancePath,keyword:"required",params:{missingProperty: "format"}};
vErrors = addError(vErrors, err0);
errors++;
}
if(data.checked === undefined){
const err1 = {instancePath,keyword:"required",params:{missingProperty: "checked"}};
vErrors = addError(vErrors, err1);
errors++;
}
if(data.recommended === undefined){
const err2 = {instancePath,keyword:"required",params:{missingProperty: "recommended"}};
vErrors = addError(vErrors, err2);
errors++;
}
if(data.outlets === undefined){
const err3 = {instancePath,keyword:"required",params:{missingProperty: "outlets"}};
vErrors = addError(vErrors, err3);
errors++;
}
for(const key0 in data){
if(!((((((key0 === "$schema") || (key0 === "format")) || (key0 === "checked")) || (key0 === "note")) || (key0 === "outlets")) || (key0 === "recommended"))){
const err4 = {instancePath,keyword:"additionalProperties",params:{additionalProperty: key0}};
vErrors = addError(vErrors, err4);
errors++;
}
}
if(data.$schema !== undefined){
if(typeof data.$schema !== "string"){
const err5 = {instancePath:instancePath+"/$schema",keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err5);
errors++;
}
}
if(data.format !== undefined){
if(1 !== data.format){
const err6 = {instancePath:instancePath+"/format",keyword:"const",params:{allowedValue: 1}};
vErrors = addError(vErrors, err6);
errors++;
}
}
if(data.checked !== undefined){
if(!(validate53(data.checked, {instancePath:instancePath+"/checked"}))){
vErrors = vErrors === null ? validate53.errors : appendErrors(vErrors, validate53.errors);
errors = vErrors.length;
}
}
if(data.note !== undefined){
if(!(validate55(data.note, {instancePath:instancePath+"/note"}))){
vErrors = vErrors === null ? validate55.errors : appendErrors(vErrors, validate55.errors);
errors = vErrors.length;
}
}
if(data.outlets !== undefined){
let data4 = data.outlets;
if(Array.isArray(data4)){
if(data4.length < 1){
const err7 = {instancePath:instancePath+"/outlets",keyword:"minItems",params:{limit: 1}};
vErrors = addError(vErrors, err7);
errors++;
}
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(!(validate57(data4[i0], {instancePath:instancePath+"/outlets/" + i0}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
}
else {
const err8 = {instancePath:instancePath+"/outlets",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err8);
errors++;
}
}
if(data.recommended !== undefined){
let data6 = data.recommended;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(typeof data7 !== "string"){
const err9 = {instancePath:instancePath+"/recommended/" + i1,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err9);
errors++;
}
if(!(validate55(data7, {instancePath:instancePath+"/recommended/" + i1}))){
vErrors = vErrors === null ? validate55.errors : appendErrors(vErrors, validate55.errors);
errors = vErrors.length;
}
}
let i2 = data6.length;
let j0;
if(i2 > 1){
const indices0 = {};
for(;i2--;){
let item0 = data6[i2];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err10 = {instancePath:instancePath+"/recommended",keyword:"uniqueItems",params:{i: i2, j: j0}};
vErrors = addError(vErrors, err10);
errors++;
break;
}
indices0[item0] = i2;
}
}
}
else {
const err11 = {instancePath:instancePath+"/recommended",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err11);
errors++;
}
}
}
else {
const err12 = {instancePath,keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err12);
errors++;
}
validate52.errors = vErrors;
return errors === 0;
}
return validate52;
})();
export { validate };
export default validate;
export const layout = {"#":[["$schema","$schema","must be a non-empty string"],["format","format","must be 1"],["checked","date","must be a non-empty string"],["note","text","must be a non-empty string"],["outlets","outlet[]","must be an array"],["recommended","text[]","must be an array"]],"outlet.feeds":[["top","feedUrl","must be a non-empty string"],["opinion","feedUrl","must be a non-empty string"]],"outlet.from":[["top","from","must be a non-empty string"],["opinion","from","must be a non-empty string"]],"outlet":[["id","hostname","must be a non-empty string"],["name","text","must be a non-empty string"],["aliases","text[]","must be an array"],["domain","hostname","must be a non-empty string"],["domains","hostname[]","must be an array"],["country","outlet.country","must be one of AD, AE, AF, AG, AI, AL, AM, AO, AQ, AR, AS, AT, AU, AW, AX, AZ, BA, BB, BD, BE, BF, BG, BH, BI, BJ, BL, BM, BN, BO, BQ, BR, BS, BT, BV, BW, BY, BZ, CA, CC, CD, CF, CG, CH, CI, CK, CL, CM, CN, CO, CR, CU, CV, CW, CX, CY, CZ, DE, DJ, DK, DM, DO, DZ, EC, EE, EG, EH, ER, ES, ET, FI, FJ, FK, FM, FO, FR, GA, GB, GD, GE, GF, GG, GH, GI, GL, GM, GN, GP, GQ, GR, GS, GT, GU, GW, GY, HK, HM, HN, HR, HT, HU, ID, IE, IL, IM, IN, IO, IQ, IR, IS, IT, JE, JM, JO, JP, KE, KG, KH, KI, KM, KN, KP, KR, KW, KY, KZ, LA, LB, LC, LI, LK, LR, LS, LT, LU, LV, LY, MA, MC, MD, ME, MF, MG, MH, MK, ML, MM, MN, MO, MP, MQ, MR, MS, MT, MU, MV, MW, MX, MY, MZ, NA, NC, NE, NF, NG, NI, NL, NO, NP, NR, NU, NZ, OM, PA, PE, PF, PG, PH, PK, PL, PM, PN, PR, PS, PT, PW, PY, QA, RE, RO, RS, RU, RW, SA, SB, SC, SD, SE, SG, SH, SI, SJ, SK, SL, SM, SN, SO, SR, SS, ST, SV, SX, SY, SZ, TC, TD, TF, TG, TH, TJ, TK, TL, TM, TN, TO, TR, TT, TV, TW, TZ, UA, UG, UM, US, UY, UZ, VA, VC, VE, VG, VI, VN, VU, WF, WS, YE, YT, ZA, ZM, ZW"],["kind","outlet.kind","must be one of wire, newspaper, broadcaster, magazine, digital"],["feeds","outlet.feeds","must be an object"],["from","outlet.from","must be an object"],["via","hostname","must be a non-empty string"]]};
export const maxLengths = {"hostname":253,"feedUrl":2048};
