// Generated from schemas/pack.schema.json by scripts/gen-validators.ts (npm run gen:validators) with ajv's
// standalone code (ajv, MIT license: THIRD_PARTY_NOTICES.md). Do not edit: change the schema.
import { addError, appendErrors, codePoints } from '../schema-runtime';
const validate = /* @__PURE__ */ (() => {
const pattern3 = new RegExp("\\S", "u");

function validate54(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(typeof data === "string"){
if(!pattern3.test(data)){
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
validate54.errors = vErrors;
return errors === 0;
}

const func1 = codePoints;

function validate53(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(!(validate54(data, {instancePath}))){
vErrors = vErrors === null ? validate54.errors : appendErrors(vErrors, validate54.errors);
errors = vErrors.length;
}
if(typeof data === "string"){
if(func1(data) > 200){
const err0 = {instancePath,keyword:"maxLength",params:{limit: 200}};
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


function validate57(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(!(validate54(data, {instancePath}))){
vErrors = vErrors === null ? validate54.errors : appendErrors(vErrors, validate54.errors);
errors = vErrors.length;
}
if(typeof data === "string"){
if(func1(data) > 300){
const err0 = {instancePath,keyword:"maxLength",params:{limit: 300}};
vErrors = addError(vErrors, err0);
errors++;
}
}
else {
const err1 = {instancePath,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err1);
errors++;
}
validate57.errors = vErrors;
return errors === 0;
}

const pattern4 = new RegExp("^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:Z|[+-](?:0\\d|1[0-4]):[0-5]\\d)$", "u");

function validate61(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(typeof data === "string"){
if(!pattern4.test(data)){
const err0 = {instancePath,keyword:"pattern",params:{pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:Z|[+-](?:0\\d|1[0-4]):[0-5]\\d)$"}};
vErrors = addError(vErrors, err0);
errors++;
}
}
else {
const err1 = {instancePath,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err1);
errors++;
}
validate61.errors = vErrors;
return errors === 0;
}


function validate70(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(!(validate54(data, {instancePath}))){
vErrors = vErrors === null ? validate54.errors : appendErrors(vErrors, validate54.errors);
errors = vErrors.length;
}
if(typeof data === "string"){
if(func1(data) > 1000){
const err0 = {instancePath,keyword:"maxLength",params:{limit: 1000}};
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


function validate73(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(!(validate54(data, {instancePath}))){
vErrors = vErrors === null ? validate54.errors : appendErrors(vErrors, validate54.errors);
errors = vErrors.length;
}
if(typeof data === "string"){
if(func1(data) > 20000){
const err0 = {instancePath,keyword:"maxLength",params:{limit: 20000}};
vErrors = addError(vErrors, err0);
errors++;
}
}
else {
const err1 = {instancePath,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err1);
errors++;
}
validate73.errors = vErrors;
return errors === 0;
}

const pattern6 = new RegExp("^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]\\S*$", "u");

function validate76(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(typeof data === "string"){
if(func1(data) > 2048){
const err0 = {instancePath,keyword:"maxLength",params:{limit: 2048}};
vErrors = addError(vErrors, err0);
errors++;
}
if(!pattern6.test(data)){
const err1 = {instancePath,keyword:"pattern",params:{pattern: "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]\\S*$"}};
vErrors = addError(vErrors, err1);
errors++;
}
}
else {
const err2 = {instancePath,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err2);
errors++;
}
validate76.errors = vErrors;
return errors === 0;
}

const pattern7 = new RegExp("\\{(?![A-Za-z][A-Za-z0-9_-]{0,40}\\})", "u");

function validate80(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
const err0 = {instancePath,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err0);
errors++;
}
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data === "string"){
if(!pattern7.test(data)){
const err1 = {};
vErrors = addError(vErrors, err1);
errors++;
}
}
else {
const err2 = {};
vErrors = addError(vErrors, err2);
errors++;
}
}
var valid0 = _errs2 === errors;
if(valid0){
const err3 = {instancePath,keyword:"not",params:{}};
vErrors = addError(vErrors, err3);
errors++;
}
else {
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
}
validate80.errors = vErrors;
return errors === 0;
}


function validate78(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.subject === undefined){
const err0 = {instancePath,keyword:"required",params:{missingProperty: "subject"}};
vErrors = addError(vErrors, err0);
errors++;
}
if(data.body === undefined){
const err1 = {instancePath,keyword:"required",params:{missingProperty: "body"}};
vErrors = addError(vErrors, err1);
errors++;
}
if(data.subject !== undefined){
let data0 = data.subject;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/subject",keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err2);
errors++;
}
if(!(validate57(data0, {instancePath:instancePath+"/subject"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
if(!(validate80(data0, {instancePath:instancePath+"/subject"}))){
vErrors = vErrors === null ? validate80.errors : appendErrors(vErrors, validate80.errors);
errors = vErrors.length;
}
}
if(data.body !== undefined){
let data1 = data.body;
if(!(validate54(data1, {instancePath:instancePath+"/body"}))){
vErrors = vErrors === null ? validate54.errors : appendErrors(vErrors, validate54.errors);
errors = vErrors.length;
}
if(!(validate80(data1, {instancePath:instancePath+"/body"}))){
vErrors = vErrors === null ? validate80.errors : appendErrors(vErrors, validate80.errors);
errors = vErrors.length;
}
if(typeof data1 === "string"){
if(func1(data1) > 20000){
const err3 = {instancePath:instancePath+"/body",keyword:"maxLength",params:{limit: 20000}};
vErrors = addError(vErrors, err3);
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/body",keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err4);
errors++;
}
}
}
else {
const err5 = {instancePath,keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err5);
errors++;
}
validate78.errors = vErrors;
return errors === 0;
}

const pattern8 = new RegExp("^[^\\s@]+@[^\\s@][^\\s@.]*\\.[^\\s@]+$", "u");

function validate88(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(typeof data === "string"){
if(func1(data) > 320){
const err0 = {instancePath,keyword:"maxLength",params:{limit: 320}};
vErrors = addError(vErrors, err0);
errors++;
}
if(!pattern8.test(data)){
const err1 = {instancePath,keyword:"pattern",params:{pattern: "^[^\\s@]+@[^\\s@][^\\s@.]*\\.[^\\s@]+$"}};
vErrors = addError(vErrors, err1);
errors++;
}
}
else {
const err2 = {instancePath,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err2);
errors++;
}
validate88.errors = vErrors;
return errors === 0;
}

const pattern9 = new RegExp("^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$", "u");

function validate92(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(typeof data === "string"){
if(!pattern9.test(data)){
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
validate92.errors = vErrors;
return errors === 0;
}


function validate91(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = false;
const _errs1 = errors;
if(!(validate92(data, {instancePath}))){
vErrors = vErrors === null ? validate92.errors : appendErrors(vErrors, validate92.errors);
errors = vErrors.length;
}
var _valid0 = _errs1 === errors;
valid0 = valid0 || _valid0;
const _errs2 = errors;
if(!(validate61(data, {instancePath}))){
vErrors = vErrors === null ? validate61.errors : appendErrors(vErrors, validate61.errors);
errors = vErrors.length;
}
var _valid0 = _errs2 === errors;
valid0 = valid0 || _valid0;
if(!valid0){
const err0 = {instancePath,keyword:"anyOf",params:{}};
vErrors = addError(vErrors, err0);
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
validate91.errors = vErrors;
return errors === 0;
}


function validate85(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,keyword:"required",params:{missingProperty: "name"}};
vErrors = addError(vErrors, err0);
errors++;
}
if(data.checked === undefined){
const err1 = {instancePath,keyword:"required",params:{missingProperty: "checked"}};
vErrors = addError(vErrors, err1);
errors++;
}
if(data.name !== undefined){
if(!(validate57(data.name, {instancePath:instancePath+"/name"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
if(data.role !== undefined){
if(!(validate57(data.role, {instancePath:instancePath+"/role"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
if(data.email !== undefined){
if(!(validate88(data.email, {instancePath:instancePath+"/email"}))){
vErrors = vErrors === null ? validate88.errors : appendErrors(vErrors, validate88.errors);
errors = vErrors.length;
}
}
if(data.url !== undefined){
if(!(validate76(data.url, {instancePath:instancePath+"/url"}))){
vErrors = vErrors === null ? validate76.errors : appendErrors(vErrors, validate76.errors);
errors = vErrors.length;
}
}
if(data.checked !== undefined){
if(!(validate91(data.checked, {instancePath:instancePath+"/checked"}))){
vErrors = vErrors === null ? validate91.errors : appendErrors(vErrors, validate91.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath,keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err2);
errors++;
}
validate85.errors = vErrors;
return errors === 0;
}

const pattern5 = new RegExp("^[A-Z]{2}$", "u");
const pattern10 = new RegExp("^[\\p{L}\\p{N}_]+$", "u");

function validate68(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,keyword:"required",params:{missingProperty: "id"}};
vErrors = addError(vErrors, err0);
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,keyword:"required",params:{missingProperty: "kind"}};
vErrors = addError(vErrors, err1);
errors++;
}
if(data.title === undefined){
const err2 = {instancePath,keyword:"required",params:{missingProperty: "title"}};
vErrors = addError(vErrors, err2);
errors++;
}
if(data.details === undefined){
const err3 = {instancePath,keyword:"required",params:{missingProperty: "details"}};
vErrors = addError(vErrors, err3);
errors++;
}
if(data.id !== undefined){
if(!(validate53(data.id, {instancePath:instancePath+"/id"}))){
vErrors = vErrors === null ? validate53.errors : appendErrors(vErrors, validate53.errors);
errors = vErrors.length;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if(!((((((((data1 === "petition") || (data1 === "contact-official")) || (data1 === "donate")) || (data1 === "volunteer")) || (data1 === "event")) || (data1 === "learn")) || (data1 === "share")) || (data1 === "write"))){
const err4 = {instancePath:instancePath+"/kind",keyword:"enum",params:{allowedValues: ["petition","contact-official","donate","volunteer","event","learn","share","write"]}};
vErrors = addError(vErrors, err4);
errors++;
}
}
if(data.title !== undefined){
if(!(validate70(data.title, {instancePath:instancePath+"/title"}))){
vErrors = vErrors === null ? validate70.errors : appendErrors(vErrors, validate70.errors);
errors = vErrors.length;
}
}
if(data.details !== undefined){
if(!(validate73(data.details, {instancePath:instancePath+"/details"}))){
vErrors = vErrors === null ? validate73.errors : appendErrors(vErrors, validate73.errors);
errors = vErrors.length;
}
}
if(data.country !== undefined){
let data4 = data.country;
if(typeof data4 === "string"){
if(!pattern5.test(data4)){
const err5 = {instancePath:instancePath+"/country",keyword:"pattern",params:{pattern: "^[A-Z]{2}$"}};
vErrors = addError(vErrors, err5);
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/country",keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err6);
errors++;
}
}
if(data.url !== undefined){
if(!(validate76(data.url, {instancePath:instancePath+"/url"}))){
vErrors = vErrors === null ? validate76.errors : appendErrors(vErrors, validate76.errors);
errors = vErrors.length;
}
}
if(data.template !== undefined){
if(!(validate78(data.template, {instancePath:instancePath+"/template"}))){
vErrors = vErrors === null ? validate78.errors : appendErrors(vErrors, validate78.errors);
errors = vErrors.length;
}
}
if(data.contacts !== undefined){
let data7 = data.contacts;
if(Array.isArray(data7)){
const len0 = data7.length;
for(let i0=0; i0<len0; i0++){
if(!(validate85(data7[i0], {instancePath:instancePath+"/contacts/" + i0}))){
vErrors = vErrors === null ? validate85.errors : appendErrors(vErrors, validate85.errors);
errors = vErrors.length;
}
}
}
else {
const err7 = {instancePath:instancePath+"/contacts",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err7);
errors++;
}
}
if(data.hashtags !== undefined){
let data9 = data.hashtags;
if(Array.isArray(data9)){
const len1 = data9.length;
for(let i1=0; i1<len1; i1++){
let data10 = data9[i1];
if(typeof data10 === "string"){
if(func1(data10) > 100){
const err8 = {instancePath:instancePath+"/hashtags/" + i1,keyword:"maxLength",params:{limit: 100}};
vErrors = addError(vErrors, err8);
errors++;
}
if(!pattern10.test(data10)){
const err9 = {instancePath:instancePath+"/hashtags/" + i1,keyword:"pattern",params:{pattern: "^[\\p{L}\\p{N}_]+$"}};
vErrors = addError(vErrors, err9);
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/hashtags/" + i1,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err10);
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/hashtags",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err11);
errors++;
}
}
if(data.curatedBy !== undefined){
if(!(validate57(data.curatedBy, {instancePath:instancePath+"/curatedBy"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
if(data.checked !== undefined){
if(!(validate91(data.checked, {instancePath:instancePath+"/checked"}))){
vErrors = vErrors === null ? validate91.errors : appendErrors(vErrors, validate91.errors);
errors = vErrors.length;
}
}
}
else {
const err12 = {instancePath,keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err12);
errors++;
}
validate68.errors = vErrors;
return errors === 0;
}


function validate63(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,keyword:"required",params:{missingProperty: "id"}};
vErrors = addError(vErrors, err0);
errors++;
}
if(data.name === undefined){
const err1 = {instancePath,keyword:"required",params:{missingProperty: "name"}};
vErrors = addError(vErrors, err1);
errors++;
}
if(data.actions === undefined){
const err2 = {instancePath,keyword:"required",params:{missingProperty: "actions"}};
vErrors = addError(vErrors, err2);
errors++;
}
if(data.id !== undefined){
if(!(validate53(data.id, {instancePath:instancePath+"/id"}))){
vErrors = vErrors === null ? validate53.errors : appendErrors(vErrors, validate53.errors);
errors = vErrors.length;
}
}
if(data.name !== undefined){
if(!(validate57(data.name, {instancePath:instancePath+"/name"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
if(data.parent !== undefined){
if(!(validate53(data.parent, {instancePath:instancePath+"/parent"}))){
vErrors = vErrors === null ? validate53.errors : appendErrors(vErrors, validate53.errors);
errors = vErrors.length;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(!(validate54(data3, {instancePath:instancePath+"/description"}))){
vErrors = vErrors === null ? validate54.errors : appendErrors(vErrors, validate54.errors);
errors = vErrors.length;
}
if(typeof data3 === "string"){
if(func1(data3) > 500){
const err3 = {instancePath:instancePath+"/description",keyword:"maxLength",params:{limit: 500}};
vErrors = addError(vErrors, err3);
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/description",keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err4);
errors++;
}
}
if(data.actions !== undefined){
let data4 = data.actions;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(!(validate68(data4[i0], {instancePath:instancePath+"/actions/" + i0}))){
vErrors = vErrors === null ? validate68.errors : appendErrors(vErrors, validate68.errors);
errors = vErrors.length;
}
}
}
else {
const err5 = {instancePath:instancePath+"/actions",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err5);
errors++;
}
}
}
else {
const err6 = {instancePath,keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err6);
errors++;
}
validate63.errors = vErrors;
return errors === 0;
}

const pattern11 = new RegExp("^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9]$", "u");

function validate104(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(typeof data === "string"){
if(!pattern11.test(data)){
const err0 = {instancePath,keyword:"pattern",params:{pattern: "^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9]$"}};
vErrors = addError(vErrors, err0);
errors++;
}
}
else {
const err1 = {instancePath,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err1);
errors++;
}
validate104.errors = vErrors;
return errors === 0;
}


function validate101(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,keyword:"required",params:{missingProperty: "id"}};
vErrors = addError(vErrors, err0);
errors++;
}
if(data.name === undefined){
const err1 = {instancePath,keyword:"required",params:{missingProperty: "name"}};
vErrors = addError(vErrors, err1);
errors++;
}
if(data.id !== undefined){
if(!(validate53(data.id, {instancePath:instancePath+"/id"}))){
vErrors = vErrors === null ? validate53.errors : appendErrors(vErrors, validate53.errors);
errors = vErrors.length;
}
}
if(data.name !== undefined){
if(!(validate57(data.name, {instancePath:instancePath+"/name"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
if(data.domain !== undefined){
if(!(validate104(data.domain, {instancePath:instancePath+"/domain"}))){
vErrors = vErrors === null ? validate104.errors : appendErrors(vErrors, validate104.errors);
errors = vErrors.length;
}
}
if(data.country !== undefined){
if(!(validate57(data.country, {instancePath:instancePath+"/country"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
if(data.owner !== undefined){
if(!(validate57(data.owner, {instancePath:instancePath+"/owner"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
if(data.lean !== undefined){
if(!(validate57(data.lean, {instancePath:instancePath+"/lean"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath,keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err2);
errors++;
}
validate101.errors = vErrors;
return errors === 0;
}


function validate117(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,keyword:"required",params:{missingProperty: "id"}};
vErrors = addError(vErrors, err0);
errors++;
}
if(data.title === undefined){
const err1 = {instancePath,keyword:"required",params:{missingProperty: "title"}};
vErrors = addError(vErrors, err1);
errors++;
}
if(data.outlet === undefined){
const err2 = {instancePath,keyword:"required",params:{missingProperty: "outlet"}};
vErrors = addError(vErrors, err2);
errors++;
}
if(data.kind === undefined){
const err3 = {instancePath,keyword:"required",params:{missingProperty: "kind"}};
vErrors = addError(vErrors, err3);
errors++;
}
if(data.id !== undefined){
if(!(validate53(data.id, {instancePath:instancePath+"/id"}))){
vErrors = vErrors === null ? validate53.errors : appendErrors(vErrors, validate53.errors);
errors = vErrors.length;
}
}
if(data.url !== undefined){
if(!(validate76(data.url, {instancePath:instancePath+"/url"}))){
vErrors = vErrors === null ? validate76.errors : appendErrors(vErrors, validate76.errors);
errors = vErrors.length;
}
}
if(data.title !== undefined){
if(!(validate70(data.title, {instancePath:instancePath+"/title"}))){
vErrors = vErrors === null ? validate70.errors : appendErrors(vErrors, validate70.errors);
errors = vErrors.length;
}
}
if(data.outlet !== undefined){
if(!(validate53(data.outlet, {instancePath:instancePath+"/outlet"}))){
vErrors = vErrors === null ? validate53.errors : appendErrors(vErrors, validate53.errors);
errors = vErrors.length;
}
}
if(data.published !== undefined){
if(!(validate61(data.published, {instancePath:instancePath+"/published"}))){
vErrors = vErrors === null ? validate61.errors : appendErrors(vErrors, validate61.errors);
errors = vErrors.length;
}
}
if(data.excerpt !== undefined){
if(!(validate73(data.excerpt, {instancePath:instancePath+"/excerpt"}))){
vErrors = vErrors === null ? validate73.errors : appendErrors(vErrors, validate73.errors);
errors = vErrors.length;
}
}
if(data.kind !== undefined){
let data6 = data.kind;
if(!(((data6 === "report") || (data6 === "opinion")) || (data6 === "analysis"))){
const err4 = {instancePath:instancePath+"/kind",keyword:"enum",params:{allowedValues: ["report","opinion","analysis"]}};
vErrors = addError(vErrors, err4);
errors++;
}
}
}
else {
const err5 = {instancePath,keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err5);
errors++;
}
validate117.errors = vErrors;
return errors === 0;
}


function validate125(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,keyword:"required",params:{missingProperty: "id"}};
vErrors = addError(vErrors, err0);
errors++;
}
if(data.title === undefined){
const err1 = {instancePath,keyword:"required",params:{missingProperty: "title"}};
vErrors = addError(vErrors, err1);
errors++;
}
if(data.summary === undefined){
const err2 = {instancePath,keyword:"required",params:{missingProperty: "summary"}};
vErrors = addError(vErrors, err2);
errors++;
}
if(data.id !== undefined){
if(!(validate53(data.id, {instancePath:instancePath+"/id"}))){
vErrors = vErrors === null ? validate53.errors : appendErrors(vErrors, validate53.errors);
errors = vErrors.length;
}
}
if(data.title !== undefined){
if(!(validate70(data.title, {instancePath:instancePath+"/title"}))){
vErrors = vErrors === null ? validate70.errors : appendErrors(vErrors, validate70.errors);
errors = vErrors.length;
}
}
if(data.author !== undefined){
if(!(validate57(data.author, {instancePath:instancePath+"/author"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
if(data.source !== undefined){
if(!(validate57(data.source, {instancePath:instancePath+"/source"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
if(data.summary !== undefined){
if(!(validate73(data.summary, {instancePath:instancePath+"/summary"}))){
vErrors = vErrors === null ? validate73.errors : appendErrors(vErrors, validate73.errors);
errors = vErrors.length;
}
}
if(data.url !== undefined){
if(!(validate76(data.url, {instancePath:instancePath+"/url"}))){
vErrors = vErrors === null ? validate76.errors : appendErrors(vErrors, validate76.errors);
errors = vErrors.length;
}
}
if(data.published !== undefined){
if(!(validate61(data.published, {instancePath:instancePath+"/published"}))){
vErrors = vErrors === null ? validate61.errors : appendErrors(vErrors, validate61.errors);
errors = vErrors.length;
}
}
if(data.kind !== undefined){
let data7 = data.kind;
if(!((data7 === "opinion") || (data7 === "analysis"))){
const err3 = {instancePath:instancePath+"/kind",keyword:"enum",params:{allowedValues: ["opinion","analysis"]}};
vErrors = addError(vErrors, err3);
errors++;
}
}
}
else {
const err4 = {instancePath,keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err4);
errors++;
}
validate125.errors = vErrors;
return errors === 0;
}


function validate110(data, {instancePath=""}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,keyword:"required",params:{missingProperty: "id"}};
vErrors = addError(vErrors, err0);
errors++;
}
if(data.title === undefined){
const err1 = {instancePath,keyword:"required",params:{missingProperty: "title"}};
vErrors = addError(vErrors, err1);
errors++;
}
if(data.summary === undefined){
const err2 = {instancePath,keyword:"required",params:{missingProperty: "summary"}};
vErrors = addError(vErrors, err2);
errors++;
}
if(data.categories === undefined){
const err3 = {instancePath,keyword:"required",params:{missingProperty: "categories"}};
vErrors = addError(vErrors, err3);
errors++;
}
if(data.articles === undefined){
const err4 = {instancePath,keyword:"required",params:{missingProperty: "articles"}};
vErrors = addError(vErrors, err4);
errors++;
}
if(data.opinions === undefined){
const err5 = {instancePath,keyword:"required",params:{missingProperty: "opinions"}};
vErrors = addError(vErrors, err5);
errors++;
}
if(data.actions === undefined){
const err6 = {instancePath,keyword:"required",params:{missingProperty: "actions"}};
vErrors = addError(vErrors, err6);
errors++;
}
if(data.id !== undefined){
if(!(validate53(data.id, {instancePath:instancePath+"/id"}))){
vErrors = vErrors === null ? validate53.errors : appendErrors(vErrors, validate53.errors);
errors = vErrors.length;
}
}
if(data.title !== undefined){
if(!(validate70(data.title, {instancePath:instancePath+"/title"}))){
vErrors = vErrors === null ? validate70.errors : appendErrors(vErrors, validate70.errors);
errors = vErrors.length;
}
}
if(data.summary !== undefined){
if(!(validate73(data.summary, {instancePath:instancePath+"/summary"}))){
vErrors = vErrors === null ? validate73.errors : appendErrors(vErrors, validate73.errors);
errors = vErrors.length;
}
}
if(data.summaryParts !== undefined){
let data3 = data.summaryParts;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.text === undefined){
const err7 = {instancePath:instancePath+"/summaryParts/" + i0,keyword:"required",params:{missingProperty: "text"}};
vErrors = addError(vErrors, err7);
errors++;
}
if(data4.source === undefined){
const err8 = {instancePath:instancePath+"/summaryParts/" + i0,keyword:"required",params:{missingProperty: "source"}};
vErrors = addError(vErrors, err8);
errors++;
}
if(data4.text !== undefined){
if(!(validate73(data4.text, {instancePath:instancePath+"/summaryParts/" + i0+"/text"}))){
vErrors = vErrors === null ? validate73.errors : appendErrors(vErrors, validate73.errors);
errors = vErrors.length;
}
}
if(data4.source !== undefined){
if(!(validate57(data4.source, {instancePath:instancePath+"/summaryParts/" + i0+"/source"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
if(data4.url !== undefined){
if(!(validate76(data4.url, {instancePath:instancePath+"/summaryParts/" + i0+"/url"}))){
vErrors = vErrors === null ? validate76.errors : appendErrors(vErrors, validate76.errors);
errors = vErrors.length;
}
}
}
else {
const err9 = {instancePath:instancePath+"/summaryParts/" + i0,keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err9);
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/summaryParts",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err10);
errors++;
}
}
if(data.categories !== undefined){
let data8 = data.categories;
if(Array.isArray(data8)){
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
if(typeof data9 === "string"){
if(func1(data9) > 200){
const err11 = {instancePath:instancePath+"/categories/" + i1,keyword:"maxLength",params:{limit: 200}};
vErrors = addError(vErrors, err11);
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/categories/" + i1,keyword:"type",params:{type: "string"}};
vErrors = addError(vErrors, err12);
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/categories",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err13);
errors++;
}
}
if(data.articles !== undefined){
let data10 = data.articles;
if(Array.isArray(data10)){
const len2 = data10.length;
for(let i2=0; i2<len2; i2++){
if(!(validate117(data10[i2], {instancePath:instancePath+"/articles/" + i2}))){
vErrors = vErrors === null ? validate117.errors : appendErrors(vErrors, validate117.errors);
errors = vErrors.length;
}
}
}
else {
const err14 = {instancePath:instancePath+"/articles",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err14);
errors++;
}
}
if(data.opinions !== undefined){
let data12 = data.opinions;
if(Array.isArray(data12)){
const len3 = data12.length;
for(let i3=0; i3<len3; i3++){
if(!(validate125(data12[i3], {instancePath:instancePath+"/opinions/" + i3}))){
vErrors = vErrors === null ? validate125.errors : appendErrors(vErrors, validate125.errors);
errors = vErrors.length;
}
}
}
else {
const err15 = {instancePath:instancePath+"/opinions",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err15);
errors++;
}
}
if(data.actions !== undefined){
let data14 = data.actions;
if(Array.isArray(data14)){
const len4 = data14.length;
for(let i4=0; i4<len4; i4++){
if(!(validate68(data14[i4], {instancePath:instancePath+"/actions/" + i4}))){
vErrors = vErrors === null ? validate68.errors : appendErrors(vErrors, validate68.errors);
errors = vErrors.length;
}
}
}
else {
const err16 = {instancePath:instancePath+"/actions",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err16);
errors++;
}
}
}
else {
const err17 = {instancePath,keyword:"type",params:{type: "object"}};
vErrors = addError(vErrors, err17);
errors++;
}
validate110.errors = vErrors;
return errors === 0;
}


function validate52(data, {instancePath=""}={}){
/*# sourceURL="urn:storyline:schema:pack:1" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.format === undefined){
const err0 = {instancePath,keyword:"required",params:{missingProperty: "format"}};
vErrors = addError(vErrors, err0);
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,keyword:"required",params:{missingProperty: "id"}};
vErrors = addError(vErrors, err1);
errors++;
}
if(data.publisher === undefined){
const err2 = {instancePath,keyword:"required",params:{missingProperty: "publisher"}};
vErrors = addError(vErrors, err2);
errors++;
}
if(data.version === undefined){
const err3 = {instancePath,keyword:"required",params:{missingProperty: "version"}};
vErrors = addError(vErrors, err3);
errors++;
}
if(data.updated === undefined){
const err4 = {instancePath,keyword:"required",params:{missingProperty: "updated"}};
vErrors = addError(vErrors, err4);
errors++;
}
if(data.categories === undefined){
const err5 = {instancePath,keyword:"required",params:{missingProperty: "categories"}};
vErrors = addError(vErrors, err5);
errors++;
}
if(data.outlets === undefined){
const err6 = {instancePath,keyword:"required",params:{missingProperty: "outlets"}};
vErrors = addError(vErrors, err6);
errors++;
}
if(data.stories === undefined){
const err7 = {instancePath,keyword:"required",params:{missingProperty: "stories"}};
vErrors = addError(vErrors, err7);
errors++;
}
if(data.format !== undefined){
if(1 !== data.format){
const err8 = {instancePath:instancePath+"/format",keyword:"const",params:{allowedValue: 1}};
vErrors = addError(vErrors, err8);
errors++;
}
}
if(data.id !== undefined){
if(!(validate53(data.id, {instancePath:instancePath+"/id"}))){
vErrors = vErrors === null ? validate53.errors : appendErrors(vErrors, validate53.errors);
errors = vErrors.length;
}
}
if(data.publisher !== undefined){
if(!(validate57(data.publisher, {instancePath:instancePath+"/publisher"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
if(data.version !== undefined){
if(!(validate57(data.version, {instancePath:instancePath+"/version"}))){
vErrors = vErrors === null ? validate57.errors : appendErrors(vErrors, validate57.errors);
errors = vErrors.length;
}
}
if(data.updated !== undefined){
if(!(validate61(data.updated, {instancePath:instancePath+"/updated"}))){
vErrors = vErrors === null ? validate61.errors : appendErrors(vErrors, validate61.errors);
errors = vErrors.length;
}
}
if(data.categories !== undefined){
let data5 = data.categories;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
if(!(validate63(data5[i0], {instancePath:instancePath+"/categories/" + i0}))){
vErrors = vErrors === null ? validate63.errors : appendErrors(vErrors, validate63.errors);
errors = vErrors.length;
}
}
}
else {
const err9 = {instancePath:instancePath+"/categories",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err9);
errors++;
}
}
if(data.outlets !== undefined){
let data7 = data.outlets;
if(Array.isArray(data7)){
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
if(!(validate101(data7[i1], {instancePath:instancePath+"/outlets/" + i1}))){
vErrors = vErrors === null ? validate101.errors : appendErrors(vErrors, validate101.errors);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath:instancePath+"/outlets",keyword:"type",params:{type: "array"}};
vErrors = addError(vErrors, err10);
errors++;
}
}
if(data.stories !== undefined){
let data9 = data.stories;
if(Array.isArray(data9)){
const len2 = data9.length;
for(let i2=0; i2<len2; i2++){
if(!(validate110(data9[i2], {instancePath:instancePath+"/stories/" + i2}))){
vErrors = vErrors === null ? validate110.errors : appendErrors(vErrors, validate110.errors);
errors = vErrors.length;
}
}
}
else {
const err11 = {instancePath:instancePath+"/stories",keyword:"type",params:{type: "array"}};
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
export const layout = {"#":[["format","format","must be 1"],["id","id","must be a non-empty string"],["publisher","name","must be a non-empty string"],["version","name","must be a non-empty string"],["updated","dateTime","must be a non-empty string"],["categories","category[]","must be an array"],["outlets","outlet[]","must be an array"],["stories","story[]","must be an array"]],"category":[["id","id","must be a non-empty string"],["name","name","must be a non-empty string"],["parent","id","must be a non-empty string"],["description","category.description","must be a non-empty string"],["actions","action[]","must be an array"]],"outlet":[["id","id","must be a non-empty string"],["name","name","must be a non-empty string"],["domain","hostname","must be a non-empty string"],["country","name","must be a non-empty string"],["owner","name","must be a non-empty string"],["lean","name","must be a non-empty string"]],"article":[["id","id","must be a non-empty string"],["url","httpUrl","must be a non-empty string"],["title","title","must be a non-empty string"],["outlet","id","must be a non-empty string"],["published","dateTime","must be a non-empty string"],["excerpt","longText","must be a non-empty string"],["kind","article.kind","must be one of report, opinion, analysis"]],"opinion":[["id","id","must be a non-empty string"],["title","title","must be a non-empty string"],["author","name","must be a non-empty string"],["source","name","must be a non-empty string"],["summary","longText","must be a non-empty string"],["url","httpUrl","must be a non-empty string"],["published","dateTime","must be a non-empty string"],["kind","opinion.kind","must be one of opinion, analysis"]],"story.summaryParts":[["text","longText","must be a non-empty string"],["source","name","must be a non-empty string"],["url","httpUrl","must be a non-empty string"]],"story":[["id","id","must be a non-empty string"],["title","title","must be a non-empty string"],["summary","longText","must be a non-empty string"],["summaryParts","story.summaryParts[]","must be an array"],["categories","story.categories[]","must be an array"],["articles","article[]","must be an array"],["opinions","opinion[]","must be an array"],["actions","action[]","must be an array"]],"action":[["id","id","must be a non-empty string"],["kind","action.kind","must be one of petition, contact-official, donate, volunteer, event, learn, share, write"],["title","title","must be a non-empty string"],["details","longText","must be a non-empty string"],["country","action.country","must be a non-empty string"],["url","httpUrl","must be a non-empty string"],["template","template","must be an object"],["contacts","contact[]","must be an array"],["hashtags","action.hashtags[]","must be an array"],["curatedBy","name","must be a non-empty string"],["checked","checkedDate","must be a non-empty string"]],"template":[["subject","template.subject","must be a non-empty string"],["body","template.body","must be a non-empty string"]],"contact":[["name","name","must be a non-empty string"],["role","name","must be a non-empty string"],["email","email","must be a non-empty string"],["url","httpUrl","must be a non-empty string"],["checked","checkedDate","must be a non-empty string"]]};
export const maxLengths = {"id":200,"name":300,"title":1000,"longText":20000,"httpUrl":2048,"email":320};
