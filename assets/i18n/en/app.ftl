# app: en
